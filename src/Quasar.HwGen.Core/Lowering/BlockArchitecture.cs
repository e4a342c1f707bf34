using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Core.Lowering;

/// <summary>One transformer block: heads × head dim of attention, the MLP hidden width, the 8-bit row fraction of each linear.</summary>
public sealed record BlockArchitecture(int Heads, int HeadDim, int MlpHidden, double Qkv8, double Proj8, double Fc1Row8, double Fc2Row8)
{
    public int AttentionDim => CheckedSize.Product(Heads, HeadDim, "head_dim", "attention dim (heads × head_dim)");
}
