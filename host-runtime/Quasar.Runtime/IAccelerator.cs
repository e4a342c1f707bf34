using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.Runtime;

/// <summary>
/// What runs the FPGA ops: one kernel call per op (docs/hls-engine.md §1, <see cref="KernelOpMapper"/>). Backends: the
/// C# emulation (<c>emu</c>, Quasar.Runtime.Emulation) and XRT (<c>xrt</c> on a board, <c>sw-emu</c> on the project's
/// software device; Quasar.Runtime.Xrt).
/// </summary>
public interface IAccelerator : IDisposable
{
    /// <summary>The backend's name as the command line spells it (<c>emu</c>).</summary>
    string Name { get; }

    /// <summary>Prepares one op once per model: a linear's weights and the row tables are laid out here, not per frame.</summary>
    IAcceleratorOp Load(KernelOp op);
}

/// <summary>One loaded FPGA op. <see cref="Run"/> may be called from several frames at once.</summary>
public interface IAcceleratorOp
{
    KernelOp Op { get; }

    /// <summary>
    /// One call: A and B as <see cref="KernelOpMapper.Operands"/> lays them out (B empty for a linear, whose weights
    /// were loaded), the output as the kernel writes it (little-endian int16 or one byte per element).
    /// </summary>
    void Run(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b, Span<byte> output);
}
