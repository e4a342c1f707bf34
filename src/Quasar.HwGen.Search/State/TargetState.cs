namespace Quasar.HwGen.Search.State;

/// <summary>The evolution for one FPS target, as stored between generations. Subnets are indices into <see cref="SearchState.Subnets"/>.</summary>
public sealed class TargetState
{
    public double Fps { get; set; }

    /// <summary>Generations completed.</summary>
    public int Generation { get; set; }

    /// <summary>The candidates of the next generation, not yet evaluated.</summary>
    public List<int> Population { get; set; } = [];

    public List<int> TopK { get; set; } = [];

    /// <summary>Every candidate this target's evolution produced, in order; none is produced twice.</summary>
    public List<int> Visited { get; set; } = [];

    public List<double> History { get; set; } = [];

    /// <summary>The best uniformly scaled subnet reaching the target, once evaluated (−1: none reaches it).</summary>
    public int? BestUniform { get; set; }

    public bool Done { get; set; }
}
