using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Search;

/// <summary>
/// Measures a subnet's accuracy on a validation split: the search's objective. The real implementation runs the
/// trained supernet (TorchSharp, wired by the CLI); tests and benchmarks use <see cref="SyntheticAccuracyEvaluator"/>.
/// The search assumes the answer depends only on the subnet (it memoises it).
/// </summary>
public interface IAccuracyEvaluator
{
    /// <summary>What the accuracies are measured with (the model and the data). It is part of the search state's
    /// fingerprint, so a resume never mixes the accuracies of two different models.</summary>
    string Source { get; }

    /// <summary>Top-1 accuracy as a fraction in [0, 1].</summary>
    double Evaluate(Subnet subnet, CancellationToken cancellationToken);
}
