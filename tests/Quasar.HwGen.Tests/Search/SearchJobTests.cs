using Quasar.HwGen.Search;

namespace Quasar.HwGen.Tests.Search;

/// <summary>The search as the CLI runs it: engine, evolution, files; and a resume through the job.</summary>
[TestFixture]
public sealed class SearchJobTests
{
    [Test]
    public void A_job_writes_the_results_the_engine_and_a_state_it_can_resume_from()
    {
        using var directory = new TemporaryDirectory();
        var job = new SearchJob(SearchSetup.Space, Hardware.HardwareSamples.Zcu102, SearchSetup.Options(), directory.Path);

        var first = job.Run(new SyntheticAccuracyEvaluator(SearchSetup.Space));
        var evaluator = new RecordingEvaluator(SearchSetup.Space);
        var again = job.Run(evaluator, resume: true);

        Assert.That(first.Files, Has.All.Matches<string>(File.Exists));
        Assert.That(File.Exists(job.StatePath), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(directory.Path, SearchJob.EngineFileName)), Does.Contain("engine for 'fashion-mnist'").And.Contain("binds"));
        Assert.That(first.Engine.Engine, Is.EqualTo(Hardware.HardwareSamples.FashionMnistEngine.Engine));
        Assert.That(evaluator.Seen, Is.Empty, "a finished search resumes to its result without evaluating anything");
        Assert.That(again.Result.Pareto, Is.EqualTo(first.Result.Pareto));
    }

    [Test]
    public void A_state_measured_with_another_model_is_not_resumed()
    {
        using var directory = new TemporaryDirectory();
        var job = new SearchJob(SearchSetup.Space, Hardware.HardwareSamples.Zcu102, SearchSetup.Options(), directory.Path);
        var original = new SyntheticAccuracyEvaluator(SearchSetup.Space);
        var retrained = new SyntheticAccuracyEvaluator(SearchSetup.Space, ceiling: 0.9);
        job.Run(original);

        Assert.That(job.CanResume(original), Is.True);
        Assert.That(job.CanResume(retrained), Is.False);
        var error = Assert.Throws<InvalidDataException>(() => job.Run(retrained, resume: true))!;
        Assert.That(error.Message, Does.Contain(job.StatePath).And.Contain("accuracy: synthetic accuracy (ceiling 0.82").And.Contain("ceiling 0.9,"));
    }
}
