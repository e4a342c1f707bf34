using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Search;

namespace Quasar.HwGen.Tests.Search;

/// <summary>The synthetic accuracy, remembering every subnet it was asked about.</summary>
internal sealed class RecordingEvaluator(SearchSpace space) : IAccuracyEvaluator
{
    private readonly SyntheticAccuracyEvaluator _inner = new(space);

    public List<Subnet> Seen { get; } = [];

    public string Source => _inner.Source;

    public double Evaluate(Subnet subnet, CancellationToken cancellationToken)
    {
        Seen.Add(subnet);
        return _inner.Evaluate(subnet, cancellationToken);
    }
}
