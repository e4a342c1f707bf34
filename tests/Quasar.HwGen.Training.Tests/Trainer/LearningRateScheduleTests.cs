namespace Quasar.HwGen.Training.Tests.Trainer;

/// <summary>Warm-up, cosine decay, and the constant rate that snapshot averaging trains with.</summary>
[TestFixture]
public sealed class LearningRateScheduleTests
{
    [Test]
    public void Warm_up_is_linear_and_the_cosine_ends_at_the_minimum()
    {
        var schedule = new LearningRateSchedule(Peak: 1e-3, Minimum: 1e-5, WarmupSteps: 10, TotalSteps: 110);

        Assert.That(schedule.At(0), Is.EqualTo(1e-4).Within(1e-12));
        Assert.That(schedule.At(9), Is.EqualTo(1e-3).Within(1e-12));
        Assert.That(schedule.At(60), Is.EqualTo((1e-3 + 1e-5) / 2).Within(1e-12), "halfway through the decay");
        Assert.That(schedule.At(110), Is.EqualTo(1e-5).Within(1e-12));
    }

    [Test]
    public void A_minimum_equal_to_the_peak_holds_the_rate_constant_after_warm_up()
    {
        var schedule = new LearningRateSchedule(Peak: 2.5e-4, Minimum: 2.5e-4, WarmupSteps: 5, TotalSteps: 100);

        Assert.That(Enumerable.Range(5, 95).Select(step => schedule.At(step)), Is.All.EqualTo(2.5e-4).Within(1e-15));
    }

    [Test]
    public void The_minimum_is_checked_against_the_peak_of_the_run_s_batch()
    {
        var options = new TrainingOptions { LearningRate = 2e-3, BatchSize = 128 }; // peak 5e-4

        Assert.That(() => (options with { MinLearningRate = 5e-4 }).Validate(), Throws.Nothing);
        Assert.That(() => (options with { MinLearningRate = 1e-3 }).Validate(), Throws.ArgumentException.With.Message.Contains("min lr"));
    }
}
