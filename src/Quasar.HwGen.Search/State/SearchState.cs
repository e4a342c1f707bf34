namespace Quasar.HwGen.Search.State;

/// <summary>
/// Everything a search needs to continue where it stopped: written atomically after every generation, so a resumed
/// search reaches the same result as an uninterrupted one. Subnets are stored once, as their YAML.
/// </summary>
public sealed class SearchState
{
    public const int CurrentFormat = 1;

    public int Format { get; set; } = CurrentFormat;

    /// <summary>The space, platform, engine, latency parameters and options the search ran with; a resume must match.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>Every subnet the search produced, as YAML (ConfigWriter).</summary>
    public List<string> Subnets { get; set; } = [];

    /// <summary>Indices into <see cref="Subnets"/> with their accuracy, in the order evaluated.</summary>
    public List<int> Evaluated { get; set; } = [];

    public List<double> Accuracies { get; set; } = [];

    public int RejectedForFps { get; set; }

    public double ElapsedSeconds { get; set; }

    public List<TargetState> Targets { get; set; } = [];
}
