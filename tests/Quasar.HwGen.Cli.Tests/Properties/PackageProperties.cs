using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CsCheck;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Properties;

/// <summary>
/// Mutated IR packages through `quasar infer`: a mutated manifest, or a mutated graph or weights file whose checksum
/// is made to match again (so the schema checks and the verifier, not the checksum, must catch it). Every case ends
/// in inference or one clean error line.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class PackageProperties
{
    private BadInputs _inputs = null!;

    [OneTimeSetUp]
    public void MakeInputs() => _inputs = new BadInputs();

    [OneTimeTearDown]
    public void RemoveInputs() => _inputs.Dispose();

    [TestCase("manifest.json")]
    [TestCase("graph.json")]
    public void A_mutated_package_runs_or_is_refused_cleanly(string mutated)
    {
        var original = _inputs.Package;
        using var work = new WorkDirectory();
        var copy = work.File("package");
        TextMutations.Many(File.ReadAllText(Path.Combine(original, mutated)), 3).Sample(text =>
        {
            DirectoryCopy.Replace(original, copy);
            File.WriteAllText(Path.Combine(copy, mutated), text);
            if (mutated != "manifest.json") Rehash(copy, mutated);
            string[] args = ["infer", "--package", copy, "--count", "2"];
            CleanOutcome.Check(Shell.Run(TimeSpan.FromSeconds(60), args), $"{string.Join(' ', args)}\n--- {mutated} (mutated)");
        }, iter: PropertyRuns.Scaled(mutated == "manifest.json" ? 300 : 150), threads: 1, print: text => text.Length > 4000 ? text[..4000] + "..." : text);
    }

    [Test]
    public void A_package_with_cut_or_flipped_weights_runs_or_is_refused_cleanly()
    {
        var original = _inputs.Package;
        using var work = new WorkDirectory();
        var copy = work.File("package");
        var weights = File.ReadAllBytes(Path.Combine(original, "weights.bin"));
        Gen.Select(Gen.Int[0, weights.Length], Gen.Int[0, weights.Length - 1], Gen.Byte, Gen.Bool).Sample((cut, at, value, truncate) =>
        {
            DirectoryCopy.Replace(original, copy);
            var bytes = truncate ? weights[..cut] : (byte[])weights.Clone();
            if (!truncate) bytes[at] = value;
            File.WriteAllBytes(Path.Combine(copy, "weights.bin"), bytes);
            Rehash(copy, "weights.bin");
            string[] args = ["infer", "--package", copy, "--count", "2"];
            CleanOutcome.Check(Shell.Run(TimeSpan.FromSeconds(60), args), $"{string.Join(' ', args)}\n--- weights.bin {(truncate ? $"cut to {cut} bytes" : $"byte {at} set to {value}")}");
        }, iter: PropertyRuns.Scaled(60), threads: 1);
    }


    /// <summary>Sets the manifest's bytes and SHA-256 of <paramref name="name"/> to the file's, as a careless hand edit plus `sha256sum` would.</summary>
    private static void Rehash(string package, string name)
    {
        var path = Path.Combine(package, "manifest.json");
        var bytes = File.ReadAllBytes(Path.Combine(package, name));
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var manifest = Entry().Replace(File.ReadAllText(path), match => match.Groups["name"].Value == name
            ? $"\"name\": \"{name}\",{match.Groups["gap1"].Value}\"bytes\": {bytes.Length},{match.Groups["gap2"].Value}\"sha256\": \"{hash}\""
            : match.Value);
        File.WriteAllText(path, manifest);
    }

    [GeneratedRegex("\"name\": \"(?<name>[^\"]+)\",(?<gap1>\\s*)\"bytes\": \\d+,(?<gap2>\\s*)\"sha256\": \"[0-9a-f]+\"")]
    private static partial Regex Entry();
}
