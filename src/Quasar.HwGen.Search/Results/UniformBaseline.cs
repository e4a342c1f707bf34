using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Latency;

namespace Quasar.HwGen.Search.Results;

/// <summary>
/// Uniformly scaled subnets — the same heads, MLP ratio and 8-bit ratio in every layer and linear — the comparison
/// the paper's search is measured against. Only the maximal ones reaching a target are worth evaluating: assuming
/// accuracy never drops when a choice grows (a larger embedding, depth, head count, MLP ratio or 8-bit share), a
/// uniform subnet below another one that reaches the target cannot be the most accurate.
/// </summary>
public static class UniformBaseline
{
    /// <summary>Every uniform subnet of the space, smallest choices first.</summary>
    public static IEnumerable<Subnet> All(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var c = space.Choices;
        foreach (int embed in c.EmbedDims.Order())
            foreach (int depth in c.Depths.Order())
                foreach (int heads in c.Heads.Order())
                    foreach (double mlp in c.MlpRatios.Order())
                        foreach (double ratio in c.Row8BitRatios.Order())
                            yield return Subnet.Uniform(space, embed, depth, heads, mlp, ratio);
    }

    /// <summary>The uniform subnets reaching <paramref name="fpsTarget"/> that no other such uniform subnet exceeds in every choice.</summary>
    public static IReadOnlyList<Subnet> MaximalReaching(SearchSpace space, LatencyModel model, double fpsTarget)
    {
        ArgumentNullException.ThrowIfNull(model);
        var reaching = All(space).Where(s => model.FramesPerSecond(s, space) >= fpsTarget).ToList();
        return [.. reaching.Where(s => !reaching.Any(other => !ReferenceEquals(other, s) && Covers(other, s)))];
    }

    /// <summary>True when every choice of <paramref name="big"/> is at least that of <paramref name="small"/> and one is larger.</summary>
    private static bool Covers(Subnet big, Subnet small)
    {
        var b = big.Layers.Count > 0 ? big.Layers[0] : null;
        var s = small.Layers.Count > 0 ? small.Layers[0] : null;
        if (b is null || s is null) return false;
        bool atLeast = big.EmbedDim >= small.EmbedDim && big.Depth >= small.Depth && b.Heads >= s.Heads
            && b.MlpRatio >= s.MlpRatio && b.QkvRow8Bit >= s.QkvRow8Bit;
        return atLeast && big != small;
    }
}
