namespace Quasar.HwGen.Hardware.Kernel;

/// <summary>
/// Cycles of one kernel call, process by process, as the accounting build of the kernel counts them
/// (docs/kernel-layout.md §4; the testbench's <c>CYCLES … read_a=… read_w=… compute=… output=… write=… tables=… total=…</c>).
/// </summary>
/// <param name="Tables">The row-table load before the region: E entries + DEPTH_AXI.</param>
/// <param name="Fill">The first word's way through the region: DEPTH_AXI + DEPTH_ARRAY + DEPTH_OUTPUT + DEPTH_LOOP.</param>
/// <param name="ArrayStreaming">The part of <see cref="Compute"/> in which the array streams tokens: Σ over the blocks of ⌈t/PT⌉/η + DEPTH_ARRAY (the rest waits for weight words or fills the input buffer).</param>
public readonly record struct KernelCallCycles(double ReadA, double ReadW, double Compute, double Output, double Write, double Tables, double Fill, double ArrayStreaming)
{
    /// <summary>The slowest of the five concurrent processes, which sets the region's time.</summary>
    public double Region => Math.Max(Math.Max(ReadA, ReadW), Math.Max(Compute, Math.Max(Output, Write)));

    /// <summary>Call latency: the slowest process + the region's fill + the table load before it.</summary>
    public double Total => Region + Fill + Tables;

    /// <summary>The process that sets the region's time (the first of the slowest, in pipeline order).</summary>
    public KernelProcess Binding =>
        Region == ReadA ? KernelProcess.ReadA
        : Region == ReadW ? KernelProcess.ReadW
        : Region == Compute ? KernelProcess.Compute
        : Region == Output ? KernelProcess.Output
        : KernelProcess.Write;

    /// <summary>Cycles of <paramref name="process"/>.</summary>
    public double this[KernelProcess process] => process switch
    {
        KernelProcess.ReadA => ReadA,
        KernelProcess.ReadW => ReadW,
        KernelProcess.Compute => Compute,
        KernelProcess.Output => Output,
        KernelProcess.Write => Write,
        _ => throw new ArgumentOutOfRangeException(nameof(process), process, null),
    };
}
