using System.Security.Cryptography;
using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Codegen.Project;

/// <summary>
/// Writes a generated project so that an interrupted or failed write leaves the old project as it was:
/// a new project is built in a staging directory beside the target and renamed into place; an existing one gets every
/// file staged inside it first, then each file renamed over its old version (the old bytes kept until the end),
/// quasar-project.json last, and on any failure every replaced file is put back. Before anything is written, a file
/// whose bytes differ from what the last generation recorded (the user edited it), or an existing file the last
/// generation did not write, is refused unless <c>force</c>; every such file is named. Files the manifest does not
/// list are never touched.
/// </summary>
public sealed class ProjectWriter
{
    private const string StagingPrefix = ".quasar-staging-";
    private const string BackupPrefix = ".quasar-backup-";

    /// <summary>Called before each file is moved into an existing project (tests use it to interrupt a commit).</summary>
    internal Action<string>? BeforeCommitFile { get; init; }

    public ProjectWriteResult Write(string directory, IReadOnlyList<ProjectFile> files, Func<IReadOnlyList<ProjectFileEntry>, ProjectManifest> manifest, bool force)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(manifest);
        var root = Path.GetFullPath(directory);
        if (File.Exists(root)) throw new IOException($"{root} is a file, not a project directory");
        foreach (var file in files) RequireSafe(file.Path);
        var entries = files.Select(f => new ProjectFileEntry(f.Path, f.Content.Length, Sha256(f.Content))).ToList();
        var manifestFile = new ProjectFile(ProjectManifest.FileName, manifest(entries).ToBytes());
        var all = files.Append(manifestFile).ToList();

        if (!Directory.Exists(root)) return WriteNew(root, all);

        var previous = ReadPrevious(root, force);
        var plan = Plan(root, files, entries, previous);
        if (plan.Refused.Count > 0 && !File.Exists(Path.Combine(root, ProjectManifest.FileName)))
        {
            // Not a generated project: the files in the way are the user's, and --force does not make them ours.
            throw new CodegenException(
                $"{root} has {plan.Refused.Count} file(s) that generating would overwrite and that `quasar generate` did not write "
                + $"({string.Join(", ", plan.RefusedPaths.Take(5))}{(plan.RefusedPaths.Count > 5 ? ", ..." : "")}), and no {ProjectManifest.FileName}: "
                + "--force replaces files only in a project `quasar generate` wrote; choose an empty or new directory for the project");
        }
        if (plan.Refused.Count > 0 && !force)
        {
            throw new CodegenException(
                $"{root} has {plan.Refused.Count} file(s) that regeneration would overwrite but that differ from what `quasar generate` last wrote there:\n"
                + string.Join("\n", plan.Refused.Select(r => "  " + r))
                + "\nmove your changes out of the generated files (or into files of your own, which are left alone), or pass --force to overwrite them");
        }

        foreach (var leftover in Directory.EnumerateDirectories(root, ".quasar-*"))
        {
            var name = Path.GetFileName(leftover);
            if (name.StartsWith(StagingPrefix, StringComparison.Ordinal) || name.StartsWith(BackupPrefix, StringComparison.Ordinal))
                Directory.Delete(leftover, recursive: true);
        }
        Commit(root, all);
        var removed = new List<string>();
        foreach (var stale in plan.StaleUnedited)
        {
            File.Delete(Full(root, stale));
            removed.Add(stale);
        }
        return new ProjectWriteResult(plan.Created, plan.Replaced, plan.Unchanged, force ? plan.RefusedPaths : [], removed, plan.StaleEdited);
    }

    private static ProjectWriteResult WriteNew(string root, IReadOnlyList<ProjectFile> all)
    {
        var parent = Path.GetDirectoryName(root)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(root)}{StagingPrefix}{Guid.NewGuid():N}");
        try
        {
            foreach (var file in all) WriteDurably(Full(staging, file.Path), file.Content);
            Directory.Move(staging, root);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return new ProjectWriteResult([.. all.Select(f => f.Path).Where(p => p != ProjectManifest.FileName)], [], [], [], [], []);
    }

    private void Commit(string root, IReadOnlyList<ProjectFile> all)
    {
        var id = Guid.NewGuid().ToString("N");
        var staging = Path.Combine(root, StagingPrefix + id);
        var backup = Path.Combine(root, BackupPrefix + id);
        var done = new List<(string Destination, string? Saved)>();
        try
        {
            foreach (var file in all) WriteDurably(Full(staging, file.Path), file.Content);
            foreach (var file in all)
            {
                BeforeCommitFile?.Invoke(file.Path);
                var destination = Full(root, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                string? saved = null;
                if (File.Exists(destination))
                {
                    saved = Full(backup, file.Path);
                    Directory.CreateDirectory(Path.GetDirectoryName(saved)!);
                    File.Copy(destination, saved);
                }
                done.Add((destination, saved));
                File.Move(Full(staging, file.Path), destination, overwrite: true);
            }
        }
        catch
        {
            // Put every file back as it was; quasar-project.json is moved last, so it still describes the old files.
            for (int i = done.Count - 1; i >= 0; i--)
            {
                var (destination, saved) = done[i];
                if (saved is not null) File.Move(saved, destination, overwrite: true);
                else if (File.Exists(destination)) File.Delete(destination);
            }
            throw;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            if (Directory.Exists(backup)) Directory.Delete(backup, recursive: true);
        }
    }

    private static ProjectManifest? ReadPrevious(string root, bool force)
    {
        var path = Path.Combine(root, ProjectManifest.FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return ProjectManifest.Read(path);
        }
        catch (InvalidDataException) when (force)
        {
            return null;
        }
    }

    private static WritePlan Plan(string root, IReadOnlyList<ProjectFile> files, IReadOnlyList<ProjectFileEntry> entries, ProjectManifest? previous)
    {
        var recorded = previous?.Files.ToDictionary(f => f.Path, StringComparer.Ordinal) ?? new Dictionary<string, ProjectFileEntry>(StringComparer.Ordinal);
        var manifestPath = Path.Combine(root, ProjectManifest.FileName);
        foreach (var file in files) ProjectPaths.RequireInside(root, file.Path, "the generated file");
        foreach (var old in recorded.Keys) ProjectPaths.RequireInside(root, old, $"{manifestPath}: the listed file");
        var plan = new WritePlan();
        for (int i = 0; i < files.Count; i++)
        {
            var path = files[i].Path;
            var destination = Full(root, path);
            if (Directory.Exists(destination)) throw new CodegenException($"{destination} is a directory where the project needs the file {path}: move it away");
            if (!File.Exists(destination))
            {
                plan.Created.Add(path);
                continue;
            }
            var onDisk = HashOnDisk(destination);
            if (recorded.TryGetValue(path, out var entry))
            {
                if (!string.Equals(onDisk, entry.Sha256, StringComparison.OrdinalIgnoreCase)) plan.Refuse(path, "edited since it was generated");
            }
            else if (!string.Equals(onDisk, entries[i].Sha256, StringComparison.OrdinalIgnoreCase))
            {
                plan.Refuse(path, "exists but was not written by `quasar generate`");
            }
            plan.Replaced.Add(path);
            if (string.Equals(onDisk, entries[i].Sha256, StringComparison.OrdinalIgnoreCase)) plan.Unchanged.Add(path);
        }
        var generated = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var old in recorded.Values.Where(f => !generated.Contains(f.Path)))
        {
            var destination = Full(root, old.Path);
            if (!File.Exists(destination)) continue;
            string? onDisk;
            try
            {
                onDisk = HashOnDisk(destination);
            }
            catch (IOException)
            {
                onDisk = null; // a FIFO or device where a generated file was: not ours to delete
            }
            if (string.Equals(onDisk, old.Sha256, StringComparison.OrdinalIgnoreCase)) plan.StaleUnedited.Add(old.Path);
            else plan.StaleEdited.Add(old.Path);
        }
        return plan;
    }

    private static void WriteDurably(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    private static string Full(string root, string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static void RequireSafe(string path)
    {
        if (Templates.ConfinedTemplateLoader.Normalize(path) != path)
            throw new ArgumentException($"'{path}' is not a plain relative path inside the project", nameof(path));
    }

    /// <summary>The SHA-256 of a file in the project; anything but a regular file is refused, not read (a FIFO blocks, a device never ends).</summary>
    private static string HashOnDisk(string path)
    {
        BoundedFile.RequireRegularFile(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    internal static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private sealed class WritePlan
    {
        public List<string> Created { get; } = [];

        public List<string> Replaced { get; } = [];

        public List<string> Unchanged { get; } = [];

        public List<string> Refused { get; } = [];

        public List<string> RefusedPaths { get; } = [];

        public List<string> StaleUnedited { get; } = [];

        public List<string> StaleEdited { get; } = [];

        public void Refuse(string path, string why)
        {
            Refused.Add($"{path} ({why})");
            RefusedPaths.Add(path);
        }
    }
}
