using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Core.Configs.Yaml;

/// <summary>The YAML form of a <see cref="SweepConfig"/> (docs/sweep.md): designs and grid expanded, tiny engines first.</summary>
internal static partial class SweepYaml
{
    public static SweepConfig Read(MappingReader root, ReadContext context)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(context.Source))!;
        string platform = root.Has("platform") ? root.String("platform") : SampleConfigs.Zcu102;
        var steps = root.Has("steps") ? root.StringList("steps") : ValueList.From(SweepConfig.DefaultSteps);
        foreach (var step in steps.Where(s => !SweepConfig.KnownSteps.Contains(s)))
            root.Report("steps", $"unknown step '{step}'; allowed: {string.Join(", ", SweepConfig.KnownSteps)} (make targets of the generated project)");
        if (steps.Count == 0) root.Report("steps", "no step to run; give e.g. [csynth, cosim]");

        var designs = new List<SweepDesign>();
        if (root.Has("designs"))
        {
            foreach (var entry in root.MappingList("designs")) designs.Add(ReadDesign(entry, directory));
        }
        if (root.Has("grid")) designs.AddRange(ReadGrid(root.Mapping("grid"), directory));
        foreach (var twice in designs.GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            root.Report("designs", $"two designs are named '{twice.Key}'; give each its own name");

        SlurmSettings? slurm = root.Has("slurm") ? ReadSlurm(root.Mapping("slurm")) : null;
        var make = root.Has("make") ? ReadMake(root.Mapping("make")) : new MakeSettings(null, null);
        if (slurm is not null && root.Has("make"))
            root.Report("make", "a sweep runs on Slurm or with make, not both; remove slurm: or make:");
        root.RejectUnknownKeys();
        // Whatever gave no design has said why, unless nothing was wrong but the want of designs.
        if (designs.Count == 0 && !context.HasIssues)
            root.Report("designs", "the sweep has no design; give designs: (a list) or grid: (every combination), docs/sweep.md");
        // Tiny engines first (a stable sort): their csynth and cosim take minutes and show a broken flow early.
        return new SweepConfig(context.Source, directory, platform, steps, [.. designs.OrderBy(d => d.IsTiny ? 0 : 1)], slurm, make);
    }

    private static SweepDesign ReadDesign(MappingReader entry, string directory)
    {
        if (entry.Has("subnet") == entry.Has("package"))
            entry.Report("package", "give a design either package: (an IR package) or subnet: (a subnet YAML the sweep lowers), not both or neither");
        string? subnet = entry.Has("subnet") ? Absolute(directory, entry.PathString("subnet")) : null;
        string? sha256 = subnet is null ? null : Sha256Of(entry, "subnet", subnet);
        var package = entry.Has("package") ? Absolute(directory, entry.PathString("package")) : "";
        var engine = entry.Has("engine") ? Engine(entry, entry.String("engine")) : "space";
        int? reduction = entry.Has("max_reduction") ? Positive(entry, "max_reduction", entry.Int("max_reduction")) : null;
        int? rows = entry.Has("max_rows") ? Positive(entry, "max_rows", entry.Int("max_rows")) : null;
        var name = entry.Has("name") ? entry.String("name") : DefaultName(subnet ?? package, engine, reduction, rows);
        // A blank path is reported by its read; the name made from it says nothing more.
        if (!ValidName().IsMatch(name) && (entry.Has("name") || (subnet ?? package).Length > 0))
            entry.Report(entry.Has("name") ? "name" : "package", $"'{name}' cannot name a project folder; give name: with letters, digits, '.', '_' or '-' only");
        entry.RejectUnknownKeys();
        return new SweepDesign(name, package, engine, reduction, rows, subnet, sha256, PackageSha256(package));
    }

    private static readonly string[] GridLists = ["package", "subnet", "engine", "max_reduction", "max_rows"];

    private static IEnumerable<SweepDesign> ReadGrid(MappingReader grid, string directory)
    {
        var packages = grid.Has("package") ? grid.PathList("package").Select(p => Absolute(directory, p)).ToList() : [];
        var subnets = grid.Has("subnet") ? grid.PathList("subnet").Select(p => Absolute(directory, p)).Select(s => (Path: s, Sha256: Sha256Of(grid, "subnet", s))).ToList() : [];
        if (grid.Has("pareto") && Absolute(directory, grid.PathString("pareto")) is { Length: > 0 } pareto)
            subnets.AddRange(ParetoSet(grid, pareto).Select(s => (Path: s, Sha256: Sha256Of(grid, "pareto", s))));
        var engines = grid.Has("engine") ? grid.StringList("engine").Select(e => Engine(grid, e)).ToList() : ["space"];
        List<int?> reductions = grid.Has("max_reduction") ? [.. grid.IntList("max_reduction").Select(v => (int?)Positive(grid, "max_reduction", v))] : [null];
        List<int?> rows = grid.Has("max_rows") ? [.. grid.IntList("max_rows").Select(v => (int?)Positive(grid, "max_rows", v))] : [null];
        grid.RejectUnknownKeys();
        // `[]` is most likely a list not filled in yet; in a product it would silently leave no design at all.
        foreach (var key in GridLists.Where(grid.IsEmptyList))
            grid.Report(key, key is "package" or "subnet"
                ? $"an empty list names no design; list at least one file, or leave {key}: out"
                : $"an empty list leaves no combination, so no design; list at least one value, or leave {key}: out for its default");
        if (packages.Count + subnets.Count == 0 && !grid.Has("pareto") && !grid.IsEmptyList("package") && !grid.IsEmptyList("subnet"))
            grid.Report("package", "the grid has no package or subnet; give package: (IR packages), subnet: (subnet YAML files) or pareto: (a search's output directory)");
        var sources = packages.Select(p => (Package: p, Subnet: (string?)null, Sha256: (string?)null))
            .Concat(subnets.Select(s => (Package: "", Subnet: (string?)s.Path, s.Sha256)));
        return from source in sources
               from engine in engines
               from reduction in reductions
               from row in rows
               select new SweepDesign(DefaultName(source.Subnet ?? source.Package, engine, reduction, row), source.Package, engine, reduction, row, source.Subnet, source.Sha256,
                   PackageSha256(source.Package));
    }

    /// <summary>
    /// The SHA-256 of a package's manifest, by which a rerun tells a package lowered again from the one it generated
    /// from; null when there is no readable manifest, which generation reports with what the folder lacks.
    /// </summary>
    private static string? PackageSha256(string package)
    {
        if (package.Length == 0) return null;
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(BoundedFile.ReadAllBytes(Path.Combine(package, PackageManifest), BoundedFile.ConfigCap)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>An IR package's manifest (Ir.Package.ChecksummedPackage.ManifestFile; configs do not depend on the IR).</summary>
    private const string PackageManifest = "manifest.json";

    /// <summary>
    /// The subnet YAML's SHA-256, by which a rerun tells an edited subnet from the one it lowered; a file that cannot be
    /// read is reported here, before anything is generated.
    /// </summary>
    private static string? Sha256Of(MappingReader reader, string key, string subnet)
    {
        if (subnet.Length == 0) return null; // a missing or empty value, reported by its read
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(BoundedFile.ReadAllBytes(subnet, BoundedFile.ConfigCap)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reader.Report(key, $"{e.Message}; give a subnet YAML (relative to the sweep file)");
            return null;
        }
    }

    /// <summary>The subnets of a search's Pareto set: pareto/*.subnet.yaml of its output directory, in name order.</summary>
    private static IEnumerable<string> ParetoSet(MappingReader grid, string search)
    {
        var folder = Path.Combine(search, "pareto");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*" + SweepDesign.SubnetSuffix).Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
            grid.Report("pareto", $"{folder} holds no *{SweepDesign.SubnetSuffix}; give the output directory of quasar search (its --out)");
        return files;
    }

    private static SlurmSettings ReadSlurm(MappingReader slurm)
    {
        var limit = Duration(slurm, "time_limit", slurm.String("time_limit"));
        if (limit is TimeSpan t && t < TimeSpan.FromMinutes(1))
            slurm.Report("time_limit", "Slurm's smallest time limit is one minute; give at least 1 (minutes) or 0:01:00");
        string? partition = slurm.Has("partition") ? slurm.String("partition") : null;
        int? cpus = slurm.Has("cpus_per_task") ? Positive(slurm, "cpus_per_task", slurm.Int("cpus_per_task")) : null;
        string? memory = slurm.Has("mem") ? slurm.String("mem") : null;
        string? account = slurm.Has("account") ? slurm.String("account") : null;
        var extra = slurm.Has("extra") ? slurm.StringList("extra") : [];
        slurm.RejectUnknownKeys();
        return new SlurmSettings(limit ?? TimeSpan.FromMinutes(1), partition, cpus, memory, account, extra);
    }

    private static MakeSettings ReadMake(MappingReader make)
    {
        int? jobs = make.Has("jobs") ? Positive(make, "jobs", make.Int("jobs")) : null;
        TimeSpan? limit = make.Has("time_limit") ? Duration(make, "time_limit", make.String("time_limit")) : null;
        make.RejectUnknownKeys();
        return new MakeSettings(jobs, limit);
    }

    /// <summary>Slurm's forms: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS.</summary>
    private static TimeSpan? Duration(MappingReader reader, string key, string text)
    {
        var match = SlurmTime().Match(text);
        if (match.Success)
        {
            int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            var parts = text.Split('-')[^1].Split(':');
            var span = !match.Groups["d"].Success
                ? parts.Length switch
                {
                    1 => TimeSpan.FromMinutes(Part("a")),
                    2 => new TimeSpan(0, Part("a"), Part("b")),
                    _ => new TimeSpan(Part("a"), Part("b"), Part("c")),
                }
                : new TimeSpan(Part("d"), Part("a"), Part("b"), Part("c"));
            if (span > TimeSpan.Zero) return span;
        }
        if (text.Length > 0) reader.Report(key, $"'{text}' is not a positive time limit; give minutes (90) or Slurm's [D-]HH:MM:SS (\"1:30:00\")");
        return null;
    }

    private static string Engine(MappingReader reader, string engine)
    {
        if (!SweepDesign.Engines.Contains(engine)) reader.Report("engine", $"'{engine}' is not an engine choice; give space, subnet or tiny (as quasar generate --engine)");
        return engine;
    }

    private static int Positive(MappingReader reader, string key, int value)
    {
        if (value < 1) reader.Report(key, string.Create(CultureInfo.InvariantCulture, $"{value}: give a positive number"));
        return value;
    }

    private static string Absolute(string directory, string path) => string.IsNullOrWhiteSpace(path) ? "" : Path.GetFullPath(Path.Combine(directory, path));

    private static string DefaultName(string source, string engine, int? reduction, int? rows) =>
        SourceName(Path.GetFileName(Path.TrimEndingDirectorySeparator(source))) + "-" + engine
        + (reduction is int r ? string.Create(CultureInfo.InvariantCulture, $"-k{r}") : "")
        + (rows is int n ? string.Create(CultureInfo.InvariantCulture, $"-n{n}") : "");

    private static string SourceName(string file) => file.EndsWith(SweepDesign.SubnetSuffix, StringComparison.Ordinal)
        ? file[..^SweepDesign.SubnetSuffix.Length]
        : Path.GetFileNameWithoutExtension(file);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ValidName();

    [GeneratedRegex(@"^(?:(?<d>\d+)-)?(?<a>\d+)(?::(?<b>\d+))?(?::(?<c>\d+))?$")]
    private static partial Regex SlurmTime();
}
