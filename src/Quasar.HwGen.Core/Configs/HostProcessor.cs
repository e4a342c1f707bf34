namespace Quasar.HwGen.Core.Configs;

/// <summary>The CPU that runs the host ops (LayerNorm, softmax, GELU, quantization) next to the FPGA.</summary>
public sealed record HostProcessor(string Cpu, int Cores, double ClockGhz);
