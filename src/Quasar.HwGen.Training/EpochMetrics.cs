namespace Quasar.HwGen.Training;

/// <summary>One line of the metrics file: the epoch's mean training loss, speed, and validation accuracy of the
/// largest and smallest subnets (null without validation data).</summary>
public sealed record EpochMetrics(
    int Epoch,
    long Step,
    double TrainLoss,
    double LearningRate,
    double Seconds,
    double ImagesPerSecond,
    double? ValAccuracyLargest,
    double? ValAccuracySmallest);
