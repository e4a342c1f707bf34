namespace Quasar.HwGen.Training;

/// <summary>Where soft targets come from.</summary>
public enum DistillationMode
{
    /// <summary>Labels only.</summary>
    None,

    /// <summary>Inplace distillation (BigNAS/OFA): with the sandwich rule, the largest subnet learns from the labels
    /// and the smallest and random subnets from its detached soft predictions, in the same step.</summary>
    Inplace,

    /// <summary>The largest subnet of a trained supernet checkpoint (<see cref="TrainingOptions.TeacherCheckpoint"/>) in eval mode.</summary>
    Teacher,
}
