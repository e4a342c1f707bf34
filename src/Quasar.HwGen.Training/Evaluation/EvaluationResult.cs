namespace Quasar.HwGen.Training.Evaluation;

/// <summary>Top-1 accuracy of a subnet on a set of images, and its mean cross-entropy.</summary>
public sealed record EvaluationResult(int Correct, int Total, double MeanLoss)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;
}
