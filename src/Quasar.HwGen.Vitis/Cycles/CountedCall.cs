namespace Quasar.HwGen.Vitis.Cycles;

/// <summary>
/// One kernel call of a cycle-accounting build (docs/kernel-layout.md §4): the call's scalars and the cycles each
/// dataflow process took at its declared II and depth, as the testbench's <c>CYCLES</c> line reports them.
/// </summary>
public sealed record CountedCall(
    string Layer,
    int Image,
    int Batches,
    int M,
    int N,
    int K,
    int NibbleRows,
    int OutBytes,
    int Flags,
    long Tables,
    long ReadA,
    long ReadW,
    long Compute,
    long Output,
    long Write,
    long Fill,
    long Total)
{
    /// <summary>The process that sets the pace of the dataflow region (the largest count).</summary>
    public string Bottleneck =>
        new[] { ("read_a", ReadA), ("read_w", ReadW), ("compute", Compute), ("output", Output), ("write", Write) }
            .MaxBy(p => p.Item2).Item1;
}
