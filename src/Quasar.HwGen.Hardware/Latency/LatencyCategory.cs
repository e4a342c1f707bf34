namespace Quasar.HwGen.Hardware.Latency;

/// <summary>Where the time of an inference goes.</summary>
public enum LatencyCategory
{
    /// <summary>The FPGA while the array or the output stage sets the pace.</summary>
    FpgaCompute,

    /// <summary>The FPGA while a reader, the writer, weight words, the input buffer fill, memory latency or the DDR set the pace.</summary>
    FpgaTransfer,

    /// <summary>Host ops on the ARM cores.</summary>
    Host,

    /// <summary>Handing data between host and FPGA: kernel start and finish, cache maintenance of the shared buffers.</summary>
    Exchange,
}
