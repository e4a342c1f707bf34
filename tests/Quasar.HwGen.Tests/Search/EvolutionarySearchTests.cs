using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Search;
using Quasar.HwGen.Search.Evolution;
using Quasar.HwGen.Search.Results;

namespace Quasar.HwGen.Tests.Search;

/// <summary>The evolutionary search with a synthetic evaluator: reproducible, constrained, memoised, resumable.</summary>
[TestFixture]
public sealed class EvolutionarySearchTests
{
    [Test]
    public void The_same_seed_gives_the_same_result()
    {
        var first = SearchSetup.Search().Run();
        var second = SearchSetup.Search().Run();

        AssertSame(second, first);
    }

    [Test]
    public void Another_seed_explores_other_subnets()
    {
        var first = SearchSetup.Search().Run();
        var other = SearchSetup.Search(options: SearchSetup.Options(seed: 2)).Run();

        Assert.That(other.Evaluated.Select(c => c.Subnet), Is.Not.EqualTo(first.Evaluated.Select(c => c.Subnet)));
    }

    [Test]
    public void Every_returned_subnet_reaches_its_target()
    {
        var result = SearchSetup.Search().Run();

        Assert.That(result.Targets, Has.Count.EqualTo(2));
        foreach (var target in result.Targets)
        {
            Assert.That(target.Best.Fps, Is.GreaterThanOrEqualTo(target.FpsTarget));
            Assert.That(target.TopK.Select(c => c.Fps), Has.All.GreaterThanOrEqualTo(target.FpsTarget));
            Assert.That(target.BestUniform, Is.Not.Null);
            Assert.That(target.BestUniform!.Fps, Is.GreaterThanOrEqualTo(target.FpsTarget));
            Assert.That(target.Best.Fps, Is.EqualTo(SearchSetup.Model.FramesPerSecond(target.Best.Subnet, SearchSetup.Space)));
        }
    }

    [Test]
    public void Candidates_missing_the_target_are_rejected_before_evaluation()
    {
        double target = SearchSetup.Targets[1];
        var evaluator = new RecordingEvaluator(SearchSetup.Space);
        var search = SearchSetup.Search(evaluator, SearchSetup.Options(targets: [target]));

        var result = search.Run();

        Assert.That(result.RejectedForFps, Is.GreaterThan(0), "the target sits inside the space's FPS range, so random children miss it");
        Assert.That(evaluator.Seen, Is.Not.Empty);
        Assert.That(evaluator.Seen.Select(search.Fps), Has.All.GreaterThanOrEqualTo(target));
    }

    [Test]
    public void A_target_no_subnet_reaches_is_refused_with_the_fastest_fps()
    {
        double fastest = SearchSetup.FpsRange.Fastest;
        var search = SearchSetup.Search(options: SearchSetup.Options(targets: [2 * fastest]));

        var error = Assert.Throws<InfeasibleTargetException>(() => search.Run())!;

        Assert.That(error.Message, Does.StartWith($"no subnet of 'fashion-mnist' reaches {2 * fastest:0.#} FPS on this engine: the smallest"));
        Assert.That(error.Message, Does.Contain($"reaches {fastest:0.#} FPS"));
    }

    [Test]
    public void A_target_only_the_smallest_subnet_reaches_still_gives_a_result()
    {
        // The smallest shape reaches it; on this host-bound engine, so does the smallest shape with more 8-bit rows.
        double fastest = SearchSetup.FpsRange.Fastest;
        var result = SearchSetup.Search(options: SearchSetup.Options(targets: [fastest])).Run();
        var best = result.Targets[0].Best;
        var smallest = Subnet.Smallest(SearchSetup.Space);

        Assert.That(best.Fps, Is.GreaterThanOrEqualTo(fastest));
        Assert.That((best.Subnet.EmbedDim, best.Subnet.Depth), Is.EqualTo((smallest.EmbedDim, smallest.Depth)));
        Assert.That(best.Subnet.Layers.Select(l => (l.Heads, l.MlpRatio)), Is.EqualTo(smallest.Layers.Select(l => (l.Heads, l.MlpRatio))));
    }

    [Test]
    public void Each_subnet_is_evaluated_once_across_targets()
    {
        var evaluator = new RecordingEvaluator(SearchSetup.Space);

        var result = SearchSetup.Search(evaluator).Run();

        Assert.That(evaluator.Seen, Has.Count.EqualTo(result.Evaluations));
        Assert.That(evaluator.Seen.Distinct().Count(), Is.EqualTo(evaluator.Seen.Count));
        Assert.That(result.Evaluated.Select(c => c.Subnet), Is.EqualTo(evaluator.Seen));
    }

    [Test]
    public void The_best_accuracy_never_drops_from_one_generation_to_the_next()
    {
        var result = SearchSetup.Search().Run();

        foreach (var target in result.Targets)
        {
            Assert.That(target.BestAccuracyByGeneration, Has.Count.EqualTo(6));
            Assert.That(target.BestAccuracyByGeneration, Is.Ordered.Ascending);
            Assert.That(target.BestAccuracyByGeneration[^1], Is.EqualTo(target.Best.Accuracy));
        }
    }

    [Test]
    public void An_interrupted_search_resumes_to_the_uninterrupted_result()
    {
        var uninterrupted = SearchSetup.Search().Run();
        using var directory = new TemporaryDirectory();
        var state = directory.File("search.json");
        using var cancel = new CancellationTokenSource();
        var stopAfterGeneration3 = new ActionProgress(p =>
        {
            if (p.TargetIndex == 0 && p.Generation == 3) cancel.Cancel();
        });

        Assert.Throws<OperationCanceledException>(() => SearchSetup.Search().Run(state, resume: false, stopAfterGeneration3, cancel.Token));
        var evaluator = new RecordingEvaluator(SearchSetup.Space);
        var resumed = SearchSetup.Search(evaluator).Run(state, resume: true);

        AssertSame(resumed, uninterrupted);
        Assert.That(evaluator.Seen.Count, Is.LessThan(uninterrupted.Evaluations), "the cache came back with the state");
    }

    [Test]
    public void A_search_interrupted_between_targets_resumes_to_the_same_result()
    {
        var uninterrupted = SearchSetup.Search().Run();
        using var directory = new TemporaryDirectory();
        var state = directory.File("search.json");
        using var cancel = new CancellationTokenSource();
        var stopAfterFirstTarget = new ActionProgress(p =>
        {
            if (p.TargetIndex == 0 && p.Generation == 6) cancel.Cancel();
        });

        Assert.Throws<OperationCanceledException>(() => SearchSetup.Search().Run(state, resume: false, stopAfterFirstTarget, cancel.Token));
        var resumed = SearchSetup.Search().Run(state, resume: true);

        AssertSame(resumed, uninterrupted);
    }

    [Test]
    public void A_state_of_another_search_is_not_resumed()
    {
        using var directory = new TemporaryDirectory();
        var state = directory.File("search.json");
        SearchSetup.Search().Run(state);

        var error = Assert.Throws<InvalidDataException>(() => SearchSetup.Search(options: SearchSetup.Options(seed: 9)).Run(state, resume: true))!;

        Assert.That(error.Message, Does.Contain("written by a different search").And.Contain("seed 9"));
    }

    [Test]
    public void A_state_written_before_a_fingerprint_line_existed_names_the_missing_line()
    {
        using var directory = new TemporaryDirectory();
        var state = directory.File("search.json");
        SearchSetup.Search().Run(state);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(state))!;
        string fingerprint = (string)json["fingerprint"]!;
        json["fingerprint"] = fingerprint[..fingerprint.LastIndexOf('\n')]; // as written before the accuracy line
        File.WriteAllText(state, json.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => SearchSetup.Search().Run(state, resume: true))!;

        Assert.That(error.Message, Does.Contain("it has no such line where this one has 'accuracy: "));
    }

    [Test]
    public void A_fresh_search_does_not_overwrite_a_state()
    {
        using var directory = new TemporaryDirectory();
        var state = directory.File("search.json");
        File.WriteAllText(state, "{}");

        var error = Assert.Throws<IOException>(() => SearchSetup.Search().Run(state))!;

        Assert.That(error.Message, Does.Contain("a search state already exists; resume it or delete it"));
    }

    [Test]
    public void Progress_reports_every_generation_of_every_target()
    {
        var lines = new List<SearchProgress>();
        SearchSetup.Search().Run(progress: new ActionProgress(lines.Add));

        Assert.That(lines, Has.Count.EqualTo(2 * 6));
        Assert.That(lines[^1].Remaining, Is.EqualTo(TimeSpan.Zero));
        Assert.That(lines[0].ToString(), Does.Match(@"^target 1/2 \(≥ \d+ FPS\) generation 1/6 \| best: ≥ \d+ FPS \d+\.\d\d%, ≥ \d+ FPS – \| \d+ evaluations, \d+ rejected for FPS \| ETA \d+m\d\ds$"));
    }

    [Test]
    public void The_pareto_set_holds_no_dominated_subnet()
    {
        var result = SearchSetup.Search().Run();

        foreach (var c in result.Pareto)
            Assert.That(result.Evaluated.Any(o => o.Accuracy > c.Accuracy && o.Fps > c.Fps), Is.False);
        foreach (var c in result.Evaluated.Except(result.Pareto))
            Assert.That(result.Pareto.Any(p => p.Accuracy >= c.Accuracy && p.Fps >= c.Fps), Is.True);
    }

    private static void AssertSame(SearchResult actual, SearchResult expected)
    {
        Assert.That(actual.Evaluations, Is.EqualTo(expected.Evaluations));
        Assert.That(actual.RejectedForFps, Is.EqualTo(expected.RejectedForFps));
        Assert.That(actual.Evaluated, Is.EqualTo(expected.Evaluated));
        Assert.That(actual.Pareto, Is.EqualTo(expected.Pareto));
        for (int t = 0; t < expected.Targets.Count; t++)
        {
            Assert.That(actual.Targets[t].Best, Is.EqualTo(expected.Targets[t].Best));
            Assert.That(actual.Targets[t].TopK, Is.EqualTo(expected.Targets[t].TopK));
            Assert.That(actual.Targets[t].BestAccuracyByGeneration, Is.EqualTo(expected.Targets[t].BestAccuracyByGeneration));
            Assert.That(actual.Targets[t].BestUniform, Is.EqualTo(expected.Targets[t].BestUniform));
        }
    }

    /// <summary>A synchronous IProgress (Progress&lt;T&gt; posts to a synchronisation context).</summary>
    private sealed class ActionProgress(Action<SearchProgress> action) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => action(value);
    }
}
