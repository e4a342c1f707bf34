namespace Quasar.HwGen.Hardware.Constants;

/// <summary>
/// Defaults of Vitis HLS that decide how the kernel's streams and ports are built, from AMD's UG1399 (Vitis High-Level
/// Synthesis User Guide): the model counts what the tool builds when the code leaves them at their defaults.
/// </summary>
public static class VitisHlsConstants
{
    /// <summary>config_storage fifo -auto_srl_max_depth: the deepest FIFO the tool builds from shift-register LUTs on its own.</summary>
    public const int AutoSrlMaxDepth = 2;

    /// <summary>config_storage fifo -auto_srl_max_bits: the most bits (depth × width) of such a FIFO; a larger one goes to memory.</summary>
    public const int AutoSrlMaxBits = 1_024;

    /// <summary>INTERFACE m_axi num_read_outstanding / num_write_outstanding: bursts in flight per direction.</summary>
    public const int AxiOutstandingBursts = 16;

    /// <summary>INTERFACE m_axi max_read_burst_length / max_write_burst_length, in beats.</summary>
    public const int AxiMaxBurstBeats = 16;
}
