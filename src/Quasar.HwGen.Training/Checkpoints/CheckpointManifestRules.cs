namespace Quasar.HwGen.Training.Checkpoints;

/// <summary>
/// The fields of a sidecar that name or pin other files: the files must lie beside the sidecar (a sidecar naming
/// <c>../../x</c> would read a file outside the checkpoint folder), sizes cannot be negative, and checksums must be
/// SHA-256 in hex (they are sliced for messages).
/// </summary>
internal static class CheckpointManifestRules
{
    public static void ThrowIfInvalid(string manifestPath, CheckpointManifest manifest)
    {
        if (string.IsNullOrEmpty(manifest.SearchSpace)) throw Invalid(manifestPath, "search_space", "is missing");
        if (manifest.SpecFingerprint is not { Length: 64 } || !manifest.SpecFingerprint.All(Uri.IsHexDigit))
            throw Invalid(manifestPath, "spec_fingerprint", "is not a SHA-256 in hex");
        RequireFile(manifestPath, "weights", manifest.WeightsFile, manifest.WeightsBytes, manifest.WeightsSha256);
        RequireFile(manifestPath, "optimizer", manifest.OptimizerFile, manifest.OptimizerBytes, manifest.OptimizerSha256);
    }

    private static void RequireFile(string manifestPath, string prefix, string name, long bytes, string? sha256)
    {
        if (name.StartsWith('.') || name.IndexOfAny(['/', '\\', ':', '\0']) >= 0 || Path.IsPathRooted(name))
            throw Invalid(manifestPath, $"{prefix}_file", $"'{name}' is not a file name beside the sidecar");
        if (bytes < 0) throw Invalid(manifestPath, $"{prefix}_bytes", $"is {bytes}, a negative size");
        if (sha256 is not { Length: 64 } || !sha256.All(Uri.IsHexDigit))
            throw Invalid(manifestPath, $"{prefix}_sha256", "is not a SHA-256 in hex");
    }

    private static CheckpointException Invalid(string manifestPath, string field, string problem) =>
        new(manifestPath, $"is not a valid checkpoint sidecar: {field} {problem}; use another checkpoint or retrain");
}
