using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Hardware.Kernel;

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
    /// <summary>E: the row-table entries the call loads before the region (1 per tensor, else n).</summary>
    public int TableEntries => (Flags & GemmFlags.PerTensor) != 0 ? 1 : N;

    /// <summary>The count of one of the five region processes.</summary>
    public long this[KernelProcess process] => process switch
    {
        KernelProcess.ReadA => ReadA,
        KernelProcess.ReadW => ReadW,
        KernelProcess.Compute => Compute,
        KernelProcess.Output => Output,
        KernelProcess.Write => Write,
        _ => throw new ArgumentOutOfRangeException(nameof(process), process, null),
    };

    /// <summary>The process that sets the pace of the dataflow region (the first of the largest counts, in pipeline order, as the model's binding).</summary>
    public KernelProcess Binding => Enum.GetValues<KernelProcess>().MaxBy(p => this[p]);
}
