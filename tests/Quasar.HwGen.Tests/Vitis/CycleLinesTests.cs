using Quasar.HwGen.Hardware.Kernel;
using Quasar.HwGen.Vitis.Cycles;

namespace Quasar.HwGen.Tests.Vitis;

public sealed class CycleLinesTests
{
    private const string Line =
        "CYCLES layer=blocks.0.mlp.fc1 image=3 batches=1 m=5 n=7 k=8 nibble_rows=11 out_bytes=2 flags=0 tables=71 read_a=69 read_w=152 compute=172 output=108 write=22 fill=82 total=325";

    [Test]
    public void A_cycles_line_gives_the_call_and_its_counts_and_other_lines_are_skipped()
    {
        var calls = CycleLines.Parse(["compiling...", Line, "PASS 1 calls"]);

        Assert.That(calls, Has.Count.EqualTo(1));
        var c = calls[0];
        Assert.That((c.Layer, c.Image, c.Batches, c.M, c.N, c.K, c.NibbleRows, c.OutBytes, c.Flags),
            Is.EqualTo(("blocks.0.mlp.fc1", 3, 1, 5, 7, 8, 11, 2, 0)));
        Assert.That((c.Tables, c.ReadA, c.ReadW, c.Compute, c.Output, c.Write, c.Fill, c.Total),
            Is.EqualTo((71L, 69L, 152L, 172L, 108L, 22L, 82L, 325L)));
        Assert.That(c.Binding, Is.EqualTo(KernelProcess.Compute));
        Assert.That(CycleLines.FieldName(c.Binding), Is.EqualTo("compute"));
        Assert.That(c.TableEntries, Is.EqualTo(7), "per-row tables: one entry a row");
    }

    [Test]
    public void A_line_missing_a_count_is_an_error_naming_the_field()
    {
        var ex = Assert.Throws<FormatException>(() => CycleLines.Parse([Line.Replace(" read_w=152", "", StringComparison.Ordinal)]));

        Assert.That(ex!.Message, Does.Contain("read_w="));
    }
}
