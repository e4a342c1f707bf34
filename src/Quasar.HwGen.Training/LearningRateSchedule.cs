namespace Quasar.HwGen.Training;

/// <summary>Linear warm-up to the peak, then cosine decay to the minimum; a pure function of the step.</summary>
public sealed record LearningRateSchedule(double Peak, double Minimum, long WarmupSteps, long TotalSteps)
{
    public double At(long step)
    {
        if (step < WarmupSteps) return Peak * (step + 1) / WarmupSteps;
        long decaySteps = Math.Max(1, TotalSteps - WarmupSteps);
        double progress = Math.Min(1.0, (double)(step - WarmupSteps) / decaySteps);
        return Minimum + 0.5 * (Peak - Minimum) * (1 + Math.Cos(Math.PI * progress));
    }
}
