using System.Globalization;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Kernel;
using Quasar.HwGen.Vitis.Cycles;

namespace Quasar.HwGen.Tests.Vitis;

/// <summary>Counted calls made by hand from the model's own cycles, then moved off them by a known amount.</summary>
public sealed class CycleComparisonTests
{
    private static readonly EngineConfig Engine = new(DspUnits: 0, PackingFactor: 3, LutUnits: 2 * 8 * 16, TileTokens: 16, TileRows: 8,
        TileReduction: 16, MaxReduction: 1_000, MaxRows: 1_000, ClockMhz: 150);

    /// <summary>fc1: 20 tokens (two token tiles), K 64, 16 rows of which 8 are 8-bit (24 nibble rows), per-row tables.</summary>
    private static readonly KernelCallCycles Fc1 = KernelCycles.ForCall(Engine, batches: 1, m: 20, n: 16, k: 64, nibbleRows: 24, outBytes: 1, tableEntries: 16);

    /// <summary>scores: 3 heads of 20 × 20 × 16, per-tensor tables, 2-byte outputs.</summary>
    private static readonly KernelCallCycles Scores = KernelCycles.ForCall(Engine, batches: 3, m: 20, n: 20, k: 16, nibbleRows: 20, outBytes: 2, tableEntries: 1);

    private static CountedCall CountedFc1(int image, long totalShift = 0) =>
        Counted("blocks.0.mlp.fc1", image, batches: 1, m: 20, n: 16, k: 64, nibbleRows: 24, outBytes: 1, flags: 0, Fc1, totalShift);

    private static CountedCall CountedScores(int image) =>
        Counted("blocks.0.attn.scores", image, batches: 3, m: 20, n: 20, k: 16, nibbleRows: 20, outBytes: 2, flags: 1, Scores, 0);

    private static CountedCall Counted(string layer, int image, int batches, int m, int n, int k, int nibbleRows, int outBytes, int flags,
        KernelCallCycles model, long totalShift) =>
        new(layer, image, batches, m, n, k, nibbleRows, outBytes, flags, (long)model.Tables, (long)model.ReadA, (long)model.ReadW,
            (long)model.Compute, (long)model.Output, (long)model.Write, (long)model.Fill, (long)model.Total + totalShift);

    [Test]
    public void Counts_equal_to_the_model_pass_with_every_call_exact()
    {
        var comparison = CycleComparison.Compare(Engine, [CountedFc1(0), CountedScores(0)]);

        Assert.That(comparison.Passed, Is.True);
        Assert.That(comparison.MaxDeviation, Is.Zero);
        Assert.That(comparison.ExactCalls, Is.EqualTo(2));
        Assert.That(comparison.Calls.Select(c => c.DifferingCounts()), Is.All.Empty);
    }

    [Test]
    public void A_call_5_percent_above_the_model_is_within_and_one_15_percent_below_is_beyond_and_named()
    {
        long above = (long)Math.Round(0.05 * Fc1.Total), below = -(long)Math.Round(0.15 * Fc1.Total);

        var comparison = CycleComparison.Compare(Engine, [CountedFc1(0, above), CountedFc1(1, below), CountedScores(0)]);

        Assert.That(comparison.Passed, Is.False);
        Assert.That(comparison.Beyond.Select(c => c.Counted.Image), Is.EqualTo(new[] { 1 }));
        Assert.That(comparison.MaxDeviation, Is.EqualTo(0.15).Within(0.001));
        Assert.That(comparison.Calls[0].Deviation, Is.EqualTo(0.05).Within(0.001));
        Assert.That(comparison.Calls[0].DifferingCounts(), Is.EqualTo(new[] { "total" }));
        Assert.That(comparison.ExactCalls, Is.EqualTo(1));
        var verdict = CycleTable.Format(comparison).SkipWhile(line => !line.StartsWith("cycles:", StringComparison.Ordinal)).ToList();
        var deviation = (-below / Fc1.Total).ToString("0.00%", CultureInfo.InvariantCulture);
        Assert.That(verdict[0], Is.EqualTo($"cycles: 1 of 3 calls beyond 10% of the model (max deviation {deviation}):"));
        Assert.That(verdict[1], Is.EqualTo($"  blocks.0.mlp.fc1 image 1: counted {N0(Fc1.Total + below)}, model {N0(Fc1.Total)} ({(below / Fc1.Total).ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture)}; differing: total)"));
        Assert.That(verdict, Has.Count.EqualTo(2));
    }

    [Test]
    public void The_table_has_a_row_per_op_in_call_order_with_mean_cycles_per_call_and_a_total_over_all_calls()
    {
        long shift = 2 * (long)Math.Round(0.02 * Fc1.Total); // 4%: within the bound
        var comparison = CycleComparison.Compare(Engine, [CountedScores(0), CountedFc1(0), CountedFc1(1, shift), CountedScores(1)]);

        var lines = CycleTable.Format(comparison);

        Assert.That(lines, Has.Count.EqualTo(5));
        Assert.That(Fields(lines[0]), Is.EqualTo(new[] { "op", "calls", "counted/call", "model/call", "counted/model", "binding" }));
        Assert.That(Fields(lines[1])[..5], Is.EqualTo(new[] { "blocks.0.attn.scores", "2", N0(Scores.Total), N0(Scores.Total), "1.000" }));
        Assert.That(Fields(lines[2])[..5], Is.EqualTo(new[] { "blocks.0.mlp.fc1", "2", N0(Fc1.Total + shift / 2), N0(Fc1.Total), ((Fc1.Total + shift / 2) / Fc1.Total).ToString("F3", CultureInfo.InvariantCulture) }));
        Assert.That(Fields(lines[2])[5], Is.EqualTo(CycleLines.FieldName(Fc1.Binding)));
        double counted = 2 * Scores.Total + 2 * Fc1.Total + shift, model = 2 * Scores.Total + 2 * Fc1.Total;
        Assert.That(lines[3], Does.StartWith($"total: 4 calls, counted {N0(counted)} cycles, model {N0(model)}, counted/model {(counted / model).ToString("F3", CultureInfo.InvariantCulture)}; "));
        Assert.That(lines[3], Does.Contain($"{N1(counted / 150)} µs counted, {N1(model / 150)} µs modelled at 150 MHz ({N1(counted / 300)} µs counted an image over 2 image(s))"));
        Assert.That(lines[4], Does.StartWith("cycles: every call within 10% of the model (max deviation ").And.EndWith("; 3 of 4 calls equal it process by process"));
    }

    [Test]
    public void A_process_that_binds_other_than_the_model_says_is_shown_next_to_the_model_s()
    {
        var call = CountedFc1(0) with { Output = (long)Fc1.Region + 1, Total = (long)Fc1.Total + 1 };
        Assert.That(Fc1.Binding, Is.Not.EqualTo(KernelProcess.Output), "the test needs fc1 bound by another process than the output stage");

        var row = CycleTable.Format(CycleComparison.Compare(Engine, [call]))[1];

        Assert.That(row, Does.EndWith($"  output (model: {CycleLines.FieldName(Fc1.Binding)})"));
    }

    [Test]
    public void A_run_without_cycles_lines_fails_and_says_nothing_was_counted()
    {
        var comparison = CycleComparison.Compare(Engine, []);

        Assert.That(comparison.Passed, Is.False);
        Assert.That(CycleTable.Format(comparison)[^1], Does.StartWith("cycles: no CYCLES line"));
    }

    private static string[] Fields(string line) => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string N0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string N1(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
}
