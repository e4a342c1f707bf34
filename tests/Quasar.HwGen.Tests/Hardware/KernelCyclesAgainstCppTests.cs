using System.Globalization;
using Quasar.HwGen.Hardware.Engine;
using Quasar.HwGen.Hardware.Kernel;
using Quasar.HwGen.Tests.Hls;

namespace Quasar.HwGen.Tests.Hardware;

/// <summary>
/// The closed form against the C++ itself: tests/cpp/cycle_accounting_calls.cpp runs the accounting build of
/// gemm_engine.h on random calls of three engine configurations and prints each call's counts, process by process.
/// </summary>
[TestFixture]
[Category("NeedsGpp")]
public sealed class KernelCyclesAgainstCppTests
{
    [Test]
    public void Every_process_count_of_every_random_call_equals_the_closed_form()
    {
        using var directory = new TemporaryDirectory();
        var (exitCode, output) = HlsCppProgram.Build("cycle_accounting_calls", directory.Path).Run();
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("OK cycle_accounting_calls"));

        var calls = output.Split('\n').Where(line => line.StartsWith("CALL ", StringComparison.Ordinal)).ToList();
        Assert.That(calls, Has.Count.EqualTo(180));
        foreach (var line in calls)
        {
            var v = line.Split(' ').Skip(1).Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
            var engine = new EngineConfig(DspUnits: (int)v[1], PackingFactor: (int)v[0], LutUnits: (int)v[2], TileTokens: (int)v[3],
                TileRows: (int)v[4], TileReduction: (int)v[5], MaxReduction: 1_000, MaxRows: 1_000, ClockMhz: 150);
            var c = KernelCycles.ForCall(engine, batches: (int)v[6], m: (int)v[7], n: (int)v[12], k: (int)v[8], nibbleRows: (int)v[9], outBytes: (int)v[10], tableEntries: (int)v[11]);

            Assert.That(new[] { c.Tables, c.ReadA, c.ReadW, c.Compute, c.Output, c.Write, c.Fill, c.Total },
                Is.EqualTo(v.Skip(13).Select(count => (double)count).ToArray()), line);
        }
    }
}
