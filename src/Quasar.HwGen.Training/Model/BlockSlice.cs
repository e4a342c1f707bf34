using Quasar.HwGen.Training.Spaces;

namespace Quasar.HwGen.Training.Model;

/// <summary>What one block of a subnet uses: the embedding dim and the block's choice.</summary>
public sealed record BlockSlice(int Embed, LayerChoice Layer);
