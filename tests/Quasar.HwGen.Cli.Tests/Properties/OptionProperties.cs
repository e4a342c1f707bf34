using CsCheck;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Properties;

/// <summary>
/// Random option values (in range, at the edges, out of range, not numbers at all) for the verbs whose valid runs are
/// quick: each ends in success or a clean usage or input error, and nothing is written outside --out.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OptionProperties
{
    private BadInputs _inputs = null!;

    [OneTimeSetUp]
    public void MakeInputs() => _inputs = new BadInputs();

    [OneTimeTearDown]
    public void RemoveInputs() => _inputs.Dispose();

    /// <summary>Integers as a user or a script might type them, edges and garbage included.</summary>
    private static readonly Gen<string> Integer = Gen.OneOf(
        Gen.Int[-3, 12].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf<string>("0", "-1", "2147483647", "-2147483648", "2147483648", "99999999999999999999", "1e3", "0x10", "", "abc", "NaN", "1.5"));

    private static readonly Gen<string> Real = Gen.OneOf(
        Gen.Double[-10, 5000].Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf<string>("0", "-0", "NaN", "Infinity", "-Infinity", "1e308", "1e-308", "1e400", "", "fast", "5e-4"));

    /// <summary>Each template is a verb with {int}/{real} holes, filled independently.</summary>
    private static readonly string[] Templates =
    [
        "estimate --subnet fashion-mnist.largest --dsp-budget {int} --lut-budget {int} --ff-budget {int} --bram-budget {int}",
        "infer --package {package} --count {int}",
        "lower --subnet fashion-mnist.largest --out {out} --force --count {int} --seed {int}",
        "search --checkpoint {missing} --fps {real} {real} --population {int} --top-k {int} --generations {int} --children {int} --evaluate-images {int} --validation-images {int}",
        "train --data {bad-idx} --out {out} --epochs {int} --batch-size {int} --lr {real} --min-lr {real} --warmup-epochs {real} --checkpoint-every {int} --keep-checkpoints {int}",
        "evaluate --checkpoint {missing} --count {int} --validation-images {int} --split validation",
        "ablation rows --checkpoint {missing} --candidates {int} --validation-images {int}",
        "dataset subset --from {bad-idx} --out {out} --train {int} --test {int} --validation {int}",
        "generate --package {missing} --out {out} --count {int} --max-reduction {int} --max-rows {int} --seed {int}",
        "csim {missing} --package {missing} --count {int}",
    ];

    private static Gen<string[]> CommandLine() =>
        Gen.Int[0, Templates.Length - 1].SelectMany(t => Gen.Select(Integer.Array[12], Real.Array[6], (ints, reals) =>
        {
            int i = 0, r = 0;
            return Templates[t].Split(' ').Select(token => token switch
            {
                "{int}" => ints[i++],
                "{real}" => reals[r++],
                _ => token,
            }).ToArray();
        }));

    [Test]
    public void Any_option_value_gives_success_or_a_clean_error_and_writes_only_to_its_output()
    {
        _ = _inputs.Package; // made before the snapshot: it is an input here
        var root = Path.GetDirectoryName(_inputs.Path("out"))!;
        CommandLine().Sample(args =>
        {
            var before = Snapshots.Of(root, except: _inputs.Path("out"));
            var resolved = _inputs.Resolve(args);
            CleanOutcome.Check(Shell.Run(TimeSpan.FromSeconds(90), resolved), string.Join(' ', args));
            Assert.That(Snapshots.Of(root, except: _inputs.Path("out")), Is.EqualTo(before), $"quasar {string.Join(' ', args)} wrote outside --out");
        }, iter: PropertyRuns.Scaled(120), threads: 1, print: args => string.Join(' ', args));
    }
}
