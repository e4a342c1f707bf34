using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>Checkpoints as a training run that diverged leaves them.</summary>
internal static class DivergedCheckpoint
{
    private static readonly string Models = Path.Combine(Core.RepositoryLayout.Root, "samples", "models");
    private static readonly string Supernet = Path.Combine(Models, "fashion-mnist-supernet", "supernet.json");
    private static readonly string Shipped = Path.Combine(Models, "fashion-mnist.largest.weights");

    /// <summary>
    /// A copy of the shipped checkpoint whose block's fc1 weight <paramref name="element"/> is NaN (or
    /// <paramref name="value"/>), re-signed, as a diverged training run would save it: the weight's bytes are found by
    /// those the shipped export holds for it.
    /// </summary>
    public static string Write(string directory, int block, int element, float value = float.NaN)
    {
        var source = Path.GetDirectoryName(Supernet)!;
        var manifest = JsonNode.Parse(File.ReadAllText(Supernet))!.AsObject();
        var weightsFile = (string)manifest["weights_file"]!;
        var model = JsonNode.Parse(File.ReadAllText(Path.Combine(Shipped, "model.json")))!;
        int blob = (int)model["blocks"]![block]!["fc1"]!["weight"]!["blob"]!;
        var known = File.ReadAllBytes(Path.Combine(Shipped, "weights.bin")).AsSpan(blob, 64).ToArray();

        var bytes = File.ReadAllBytes(Path.Combine(source, weightsFile));
        int at = bytes.AsSpan().IndexOf(known);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), "the checkpoint holds the exported weight's bytes");
        BitConverter.TryWriteBytes(bytes.AsSpan(at + (element * sizeof(float))), value);
        File.WriteAllBytes(Path.Combine(directory, weightsFile), bytes);
        var optimizerFile = (string)manifest["optimizer_file"]!;
        File.Copy(Path.Combine(source, optimizerFile), Path.Combine(directory, optimizerFile));
        manifest["weights_sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        File.WriteAllText(Path.Combine(directory, "supernet.json"), manifest.ToJsonString());
        return Path.Combine(directory, "supernet.json");
    }
}
