using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Quasar.HwGen.Core.IO;
using Quasar.HwGen.Training.Model;
using TorchSharp.Modules;

namespace Quasar.HwGen.Training.Checkpoints;

/// <summary>
/// A folder of checkpoints. Each is three files: <c>step-NNNNNNNN.weights.bin</c> (TorchSharp state dict of the
/// supernet, parameters and buffers), <c>step-NNNNNNNN.optimizer.bin</c> (AdamW state) and the sidecar
/// <c>step-NNNNNNNN.json</c> (<see cref="CheckpointManifest"/>), each written atomically (temp file + rename), the
/// sidecar last: a checkpoint exists once its sidecar does. Loading checks sizes and SHA-256 before TorchSharp reads a
/// byte, and refuses a checkpoint of another search space.
/// </summary>
public sealed class CheckpointStore(string directory, int keep = 2)
{
    private const string Prefix = "step-";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals, // an averaged checkpoint's last loss is NaN
    };

    public string Directory { get; } = directory ?? throw new ArgumentNullException(nameof(directory));

    /// <summary>Writes a checkpoint of step <paramref name="state"/>.Step and prunes all but the newest <c>keep</c>.</summary>
    public string Save(Supernet supernet, OptimizerHelper optimizer, TrainingState state, double lastLoss)
    {
        ArgumentNullException.ThrowIfNull(supernet);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(state);
        System.IO.Directory.CreateDirectory(Directory);
        string stem = Stem(state.Step);
        byte[] weights = Serialize(writer => supernet.save(writer));
        byte[] optimizerState = Serialize(optimizer.save_state_dict);
        string weightsFile = stem + ".weights.bin", optimizerFile = stem + ".optimizer.bin";
        AtomicFile.WriteAllBytes(System.IO.Path.Combine(Directory, weightsFile), weights);
        AtomicFile.WriteAllBytes(System.IO.Path.Combine(Directory, optimizerFile), optimizerState);
        var manifest = new CheckpointManifest(
            CheckpointManifest.CurrentFormatVersion, supernet.Spec.Name, supernet.Spec.Fingerprint(), state,
            weightsFile, weights.Length, Sha256(weights), optimizerFile, optimizerState.Length, Sha256(optimizerState),
            lastLoss, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        string manifestPath = System.IO.Path.Combine(Directory, stem + ".json");
        AtomicFile.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest, Json));
        Prune();
        return manifestPath;
    }

    /// <summary>The files a checkpoint of <paramref name="step"/> is written to: sidecar, weights, optimizer state.</summary>
    public IReadOnlyList<string> FilesOf(long step)
    {
        string stem = System.IO.Path.Combine(Directory, Stem(step));
        return [stem + ".json", stem + ".weights.bin", stem + ".optimizer.bin"];
    }

    private static string Stem(long step) => Prefix + step.ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>The sidecar of the newest checkpoint, or null when the folder has none.</summary>
    public string? Latest()
    {
        if (!System.IO.Directory.Exists(Directory)) return null;
        return System.IO.Directory.GetFiles(Directory, Prefix + "*.json").Order(StringComparer.Ordinal).LastOrDefault();
    }

    /// <summary>Reads and checks a sidecar and its files (existence, size, SHA-256, search space) without loading them.</summary>
    public static CheckpointManifest Verify(string manifestPath, Spaces.SupernetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var manifest = ReadManifest(manifestPath);
        if (manifest.SearchSpace != spec.Name)
            throw new CheckpointException(manifestPath, $"was trained for search space '{manifest.SearchSpace}', not '{spec.Name}'");
        if (manifest.SpecFingerprint != spec.Fingerprint())
            throw new CheckpointException(manifestPath, $"search space '{spec.Name}' has changed since this checkpoint was written (fingerprint {manifest.SpecFingerprint[..12]}… ≠ {spec.Fingerprint()[..12]}…)");
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(manifestPath))!;
        CheckFile(System.IO.Path.Combine(folder, manifest.WeightsFile), manifest.WeightsBytes, manifest.WeightsSha256);
        CheckFile(System.IO.Path.Combine(folder, manifest.OptimizerFile), manifest.OptimizerBytes, manifest.OptimizerSha256);
        return manifest;
    }

    /// <summary>Verifies a checkpoint and loads its weights (and, when given, the optimizer state).</summary>
    public static CheckpointManifest Load(string manifestPath, Supernet supernet, OptimizerHelper? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(supernet);
        var manifest = Verify(manifestPath, supernet.Spec);
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(manifestPath))!;
        string weightsPath = System.IO.Path.Combine(folder, manifest.WeightsFile);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(weightsPath));
            supernet.load(reader, strict: true);
        }
        catch (Exception e) when (e is not CheckpointException)
        {
            throw new CheckpointException(weightsPath, $"is not a state dict of this supernet: {e.Message}", e);
        }
        if (optimizer is not null)
        {
            string optimizerPath = System.IO.Path.Combine(folder, manifest.OptimizerFile);
            try
            {
                using var reader = new BinaryReader(File.OpenRead(optimizerPath));
                optimizer.load_state_dict(reader);
            }
            catch (Exception e) when (e is not CheckpointException)
            {
                throw new CheckpointException(optimizerPath, $"is not an optimizer state of this supernet: {e.Message}", e);
            }
        }
        return manifest;
    }

    public static CheckpointManifest ReadManifest(string manifestPath)
    {
        if (!File.Exists(manifestPath)) throw new CheckpointException(manifestPath, "does not exist");
        CheckpointManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<CheckpointManifest>(BoundedFile.ReadAllBytes(manifestPath, BoundedFile.ManifestCap), Json);
        }
        catch (JsonException e)
        {
            throw new CheckpointException(manifestPath, $"is not a valid checkpoint sidecar (truncated or corrupt JSON: {e.Message})", e);
        }
        if (manifest?.State is null || string.IsNullOrEmpty(manifest.WeightsFile) || string.IsNullOrEmpty(manifest.OptimizerFile))
            throw new CheckpointException(manifestPath, "is not a valid checkpoint sidecar (fields missing)");
        if (manifest.FormatVersion != CheckpointManifest.CurrentFormatVersion)
            throw new CheckpointException(manifestPath, $"has format version {manifest.FormatVersion}, this build reads {CheckpointManifest.CurrentFormatVersion}");
        CheckpointManifestRules.ThrowIfInvalid(manifestPath, manifest);
        return manifest;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void CheckFile(string path, long bytes, string sha256)
    {
        if (!File.Exists(path)) throw new CheckpointException(path, "is missing (named by its sidecar)");
        BoundedFile.RequireRegularFile(path);
        long length = new FileInfo(path).Length;
        if (length != bytes) throw new CheckpointException(path, $"is {length} bytes, its sidecar says {bytes}: truncated or replaced");
        string actual;
        using (var stream = File.OpenRead(path)) actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (actual != sha256) throw new CheckpointException(path, $"is corrupt: SHA-256 {actual[..16]}… ≠ {sha256[..16]}… in its sidecar");
    }

    private static byte[] Serialize(Action<BinaryWriter> write)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true)) write(writer);
        return memory.ToArray();
    }

    private void Prune()
    {
        if (keep <= 0) return;
        var manifests = System.IO.Directory.GetFiles(Directory, Prefix + "*.json").Order(StringComparer.Ordinal).ToList();
        foreach (var old in manifests.Take(Math.Max(0, manifests.Count - keep)))
        {
            string stem = System.IO.Path.GetFileNameWithoutExtension(old);
            File.Delete(old); // the sidecar first: a half-pruned checkpoint is never taken for a whole one
            File.Delete(System.IO.Path.Combine(Directory, stem + ".weights.bin"));
            File.Delete(System.IO.Path.Combine(Directory, stem + ".optimizer.bin"));
        }
    }
}
