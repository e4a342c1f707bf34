using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>One FPGA call seen by a <see cref="RecordingEngine"/>: the op, its inputs in IR order, and what the engine returned.</summary>
public sealed record RecordedCall(int Image, IrOp Op, IReadOnlyList<TensorData> Inputs, TensorType OutputType, TensorData Output);
