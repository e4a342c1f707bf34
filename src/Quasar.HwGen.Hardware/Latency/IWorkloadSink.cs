namespace Quasar.HwGen.Hardware.Latency;

/// <summary>Receives the ops of an inference (each GEMM one kernel call) from <see cref="VitWorkload.Walk{TSink}"/>; a struct sink costs no allocation.</summary>
public interface IWorkloadSink
{
    /// <param name="layer">Block index; −1 before the blocks, the depth after them.</param>
    /// <param name="hostInputBytes">Bytes of input the host wrote for this run.</param>
    /// <param name="hostOutputBytes">Bytes of output the host reads after this run.</param>
    void Gemm(VitOp op, int layer, in GemmShape shape, long hostInputBytes, long hostOutputBytes);

    void Host(VitOp op, int layer, HostOpKind kind, long elements);
}
