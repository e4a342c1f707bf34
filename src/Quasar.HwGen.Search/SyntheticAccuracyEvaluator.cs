using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Search;

/// <summary>
/// A stand-in accuracy for tests, benchmarks and dry runs — not a measurement: a smooth, saturating function of the
/// subnet's MACs plus a bonus for its share of 8-bit weights, so bigger and more precise subnets score higher.
/// <c>accuracy = ceiling − span · exp(−MACs / scale) + bonus · eight_bit_fraction</c>, where scale is the MACs of
/// the space's largest subnet divided by 3.
/// </summary>
public sealed class SyntheticAccuracyEvaluator(SearchSpace space, double ceiling = 0.82, double span = 0.30, double bonus = 0.04) : IAccuracyEvaluator
{
    private readonly double _scale = Subnet.Largest(space).Macs(space) / 3.0;

    public string Source => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"synthetic accuracy (ceiling {ceiling:R}, span {span:R}, bonus {bonus:R})");

    /// <summary>How many times <see cref="Evaluate"/> ran (the search memoises, so this counts distinct subnets).</summary>
    public int Calls { get; private set; }

    public double Evaluate(Subnet subnet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subnet);
        cancellationToken.ThrowIfCancellationRequested();
        Calls++;
        return ceiling - span * Math.Exp(-subnet.Macs(space) / _scale) + bonus * subnet.EightBitWeightFraction(space);
    }
}
