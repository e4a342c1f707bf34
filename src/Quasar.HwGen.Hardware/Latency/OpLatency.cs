namespace Quasar.HwGen.Hardware.Latency;

/// <summary>Seconds of one op of an inference, by category; an op runs either on the FPGA or on the host.</summary>
/// <param name="Layer">Block index; −1 before the blocks, the depth after them.</param>
public sealed record OpLatency(string Name, VitOp Op, int Layer, double FpgaCompute, double FpgaTransfer, double Host, double Exchange)
{
    public double Seconds => FpgaCompute + FpgaTransfer + Host + Exchange;

    public bool OnFpga => FpgaCompute + FpgaTransfer > 0;

    public double this[LatencyCategory category] => category switch
    {
        LatencyCategory.FpgaCompute => FpgaCompute,
        LatencyCategory.FpgaTransfer => FpgaTransfer,
        LatencyCategory.Host => Host,
        LatencyCategory.Exchange => Exchange,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
