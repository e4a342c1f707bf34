namespace Quasar.HwGen.Codegen.Model;

/// <summary>One array argument of the kernel: its C++ declaration, AXI bundle, platform memory port and cosim depth (128-bit words).</summary>
public sealed record KernelPort(string Name, string Declaration, string Bundle, string Memory, int Depth);
