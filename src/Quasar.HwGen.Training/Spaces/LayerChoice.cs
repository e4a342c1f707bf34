namespace Quasar.HwGen.Training.Spaces;

/// <summary>One transformer block of a subnet: heads, MLP ratio, and the 8-bit row ratio of each of its linears.</summary>
public sealed record LayerChoice(int Heads, double MlpRatio, double Qkv8, double Proj8, double Fc1Row8, double Fc2Row8);
