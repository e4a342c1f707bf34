using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Core.Execution;

/// <summary>
/// Whatever executes the FPGA-placed ops: the C# emulation, the g++-compiled HLS kernel (sw-emu), or the board (XRT).
/// Every implementation must produce the same integers (docs/numerics.md).
/// </summary>
public interface IFpgaEngine
{
    TensorData Linear(LinearOp op, TensorData input, TensorType outputType);

    TensorData AttentionScores(AttentionScoresOp op, TensorData query, TensorData key, TensorType outputType);

    TensorData AttentionContext(AttentionContextOp op, TensorData probabilities, TensorData value, TensorType outputType);
}
