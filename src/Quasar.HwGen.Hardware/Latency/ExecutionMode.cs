namespace Quasar.HwGen.Hardware.Latency;

/// <summary>How consecutive frames share the FPGA and the host (docs/hardware-model.md §3.5).</summary>
public enum ExecutionMode
{
    /// <summary>One frame at a time: FPS = 1 / latency, host and FPGA idle while the other works.</summary>
    Sequential,

    /// <summary>
    /// Two frames in flight: the host runs one frame's host ops while the FPGA runs the other's GEMMs. Within a frame
    /// the ops still alternate in sequence; FPS = 1 / max(FPGA busy, host busy).
    /// </summary>
    Pipelined,
}
