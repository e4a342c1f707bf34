using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.Runtime.Emulation;

/// <summary>
/// The <c>emu</c> backend: each kernel call computed by the Core's exact GEMM (<see cref="GemmEngine"/>) and output
/// stage, the same integers as the generated kernel (docs/numerics.md). Nothing to open, nothing to free.
/// </summary>
/// <param name="path">The GEMM's instruction path (<see cref="GemmPath.Auto"/>: the best this CPU has).</param>
/// <param name="parallelGemm">Split a large GEMM over the cores; off when frames in flight already keep them busy.</param>
public sealed class EmulatedAccelerator(GemmPath path = GemmPath.Auto, bool parallelGemm = true) : IAccelerator
{
    public const string BackendName = "emu";

    public string Name => BackendName;

    public GemmPath Path { get; } = GemmEngine.Resolve(path);

    public IAcceleratorOp Load(KernelOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        return new EmulatedCall(op, Path, parallelGemm);
    }

    public void Dispose()
    {
    }
}
