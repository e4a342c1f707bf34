using System.Diagnostics;
using System.Globalization;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Search.Results;
using Quasar.HwGen.Search.State;

namespace Quasar.HwGen.Search.Evolution;

/// <summary>
/// The evolutionary search of Quasar-ViT and AutoFormer (docs/search.md), one evolution per FPS target with a shared,
/// memoised accuracy cache. Per generation: evaluate the population, keep the top-k of everything this target's
/// evolution has seen, then breed the next population from the top-k — mutations, crossovers, and random subnets to
/// fill up — where a child that misses the target in the latency model (or was produced before) is rejected and
/// regenerated, a bounded number of times. Random draws come from a generator seeded by (seed, target, generation),
/// so a run is reproducible and a resumed run (state written atomically after every generation) ends exactly where
/// an uninterrupted one does.
/// </summary>
public sealed class EvolutionarySearch
{
    private readonly SearchSpace _space;
    private readonly LatencyModel _latency;
    private readonly IAccuracyEvaluator _evaluator;
    private readonly SearchOptions _options;
    private readonly SubnetGenetics _genetics;

    public EvolutionarySearch(SearchSpace space, LatencyModel latency, IAccuracyEvaluator evaluator, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(latency);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(options);
        space.Validate();
        options.Validate();
        (_space, _latency, _evaluator, _options) = (space, latency, evaluator, options);
        _genetics = new SubnetGenetics(space, options.MutationProbability);
    }

    /// <summary>What a state file must have been written with to be resumed by this search.</summary>
    public string Fingerprint => string.Join("\n",
        "space: " + ConfigWriter.ToYaml(_space).ReplaceLineEndings("\\n"),
        $"platform: {_latency.Platform.Name} ({_latency.Platform.Part}), DDR {_latency.Platform.Ddr.SustainedGBPerSecond.ToString("R", CultureInfo.InvariantCulture)} GB/s, host {_latency.Platform.Host.Cores}×{_latency.Platform.Host.ClockGhz.ToString("R", CultureInfo.InvariantCulture)} GHz",
        "engine: " + _latency.Engine.Describe(),
        "latency: " + _latency.Parameters,
        "options: " + _options.Describe(),
        "accuracy: " + _evaluator.Source);

    /// <summary>The FPS the latency model gives a subnet: the search's constraint.</summary>
    public double Fps(Subnet subnet) => _latency.FramesPerSecond(subnet, _space);

    /// <summary>
    /// Runs (or, with <paramref name="resume"/>, continues) the search. With a <paramref name="statePath"/>, the state
    /// is written there after every generation; a fresh run refuses to overwrite an existing state file.
    /// Cancellation takes effect after the state of the current generation is written.
    /// </summary>
    public SearchResult Run(string? statePath = null, bool resume = false, IProgress<SearchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (resume && statePath is null) throw new ArgumentException("resuming needs the state file", nameof(statePath));
        CheckTargetsReachable();
        var run = resume ? Load(statePath!) : Fresh(statePath);
        var clock = Stopwatch.StartNew();
        double elapsedBefore = run.State.ElapsedSeconds;

        for (int t = 0; t < run.State.Targets.Count; t++)
        {
            var target = run.State.Targets[t];
            if (target.Done) continue;
            if (target.Generation == 0 && target.Population.Count == 0) target.Population = Initial(run, t);
            while (target.Generation < _options.Generations)
            {
                foreach (int candidate in target.Population) run.Accuracy(candidate, cancellationToken);
                target.TopK = TopK(run, target.TopK.Concat(target.Population));
                target.History.Add(run.Accuracies[target.TopK[0]]);
                target.Generation++;
                target.Population = target.Generation < _options.Generations ? Next(run, t) : [];
                if (target.Generation == _options.Generations)
                {
                    target.BestUniform = BestUniform(run, target.Fps, cancellationToken);
                    target.Done = true;
                }
                run.State.ElapsedSeconds = elapsedBefore + clock.Elapsed.TotalSeconds;
                if (statePath is not null) SearchStateFile.Write(statePath, run.Save());
                progress?.Report(Progress(run, t));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        return Result(run);
    }

    private void CheckTargetsReachable()
    {
        var smallest = Subnet.Smallest(_space);
        double fastest = Fps(smallest);
        foreach (double target in _options.FpsTargets.Where(t => t > fastest))
        {
            throw new InfeasibleTargetException(string.Create(CultureInfo.InvariantCulture,
                $"no subnet of '{_space.Name}' reaches {target:0.#} FPS on this engine: the smallest ({smallest.Summary(_space)}) reaches {fastest:0.#} FPS; lower the target or give the engine more resources"));
        }
    }

    private SearchRun Fresh(string? statePath)
    {
        if (statePath is not null && File.Exists(statePath))
            throw new IOException($"{statePath}: a search state already exists; resume it or delete it");
        var state = new SearchState
        {
            Fingerprint = Fingerprint,
            Targets = [.. _options.FpsTargets.Select(fps => new TargetState { Fps = fps })],
        };
        return new SearchRun(this, state);
    }

    private SearchRun Load(string statePath)
    {
        var state = SearchStateFile.Read(statePath);
        if (state.Fingerprint != Fingerprint)
        {
            var expected = Fingerprint.Split('\n');
            var found = state.Fingerprint.Split('\n');
            // The first differing line; a state written by an older version may lack the last lines altogether.
            int line = Enumerable.Range(0, Math.Max(expected.Length, found.Length))
                .First(i => i >= expected.Length || i >= found.Length || expected[i] != found[i]);
            string Quote(string[] lines) => line < lines.Length ? $"'{lines[line]}'" : "no such line";
            throw new InvalidDataException($"{statePath}: the state was written by a different search; it has {Quote(found)} where this one has {Quote(expected)}. Resume with the settings it was written with, or search into another folder");
        }
        return new SearchRun(this, state);
    }

    private List<int> Initial(SearchRun run, int target)
    {
        var random = Generator(target, 0);
        var population = new List<int>();
        Fill(run, target, population, random);
        if (population.Count == 0)
        {
            // Random draws may all miss a tight target the smallest subnet still reaches.
            int smallest = run.Intern(Subnet.Smallest(_space));
            if (run.Visit(target, smallest)) population.Add(smallest);
        }
        return population;
    }

    private List<int> Next(SearchRun run, int target)
    {
        var state = run.State.Targets[target];
        var random = Generator(target, state.Generation);
        var parents = state.TopK;
        var population = new List<int>();

        int tries = _options.Mutations * _options.TriesPerCandidate;
        for (int made = 0; made < _options.Mutations && tries > 0; tries--)
        {
            var child = _genetics.Mutate(run.Subnets[parents[random.Next(parents.Count)]], random);
            if (Accept(run, target, child, population)) made++;
        }
        tries = _options.Crossovers * _options.TriesPerCandidate;
        for (int made = 0; made < _options.Crossovers && parents.Count >= 2 && tries > 0; tries--)
        {
            int a = random.Next(parents.Count), b = random.Next(parents.Count - 1);
            if (b >= a) b++;
            var child = SubnetGenetics.Crossover(run.Subnets[parents[a]], run.Subnets[parents[b]], random);
            if (Accept(run, target, child, population)) made++;
        }
        Fill(run, target, population, random);
        return population;
    }

    private void Fill(SearchRun run, int target, List<int> population, Random random)
    {
        for (int tries = (_options.Population - population.Count) * _options.TriesPerCandidate; population.Count < _options.Population && tries > 0; tries--)
            Accept(run, target, _genetics.Random(random), population);
    }

    /// <summary>Adds <paramref name="child"/> if this target's evolution never produced it and it reaches the target.</summary>
    private bool Accept(SearchRun run, int target, Subnet child, List<int> population)
    {
        if (run.TryFind(child, out int known) && run.WasVisited(target, known)) return false;
        if (Fps(child) < run.State.Targets[target].Fps)
        {
            run.State.RejectedForFps++;
            return false;
        }
        int index = run.Intern(child);
        run.Visit(target, index);
        population.Add(index);
        return true;
    }

    private List<int> TopK(SearchRun run, IEnumerable<int> candidates) =>
        [.. candidates.Distinct()
            .OrderByDescending(i => run.Accuracies[i])
            .ThenByDescending(i => Fps(run.Subnets[i]))
            .ThenBy(i => i)
            .Take(_options.TopK)];

    private int BestUniform(SearchRun run, double fps, CancellationToken cancellationToken)
    {
        var maximal = UniformBaseline.MaximalReaching(_space, _latency, fps);
        if (maximal.Count == 0) return -1;
        var indices = maximal.Select(run.Intern).ToList();
        foreach (int i in indices) run.Accuracy(i, cancellationToken);
        return TopK(run, indices)[0];
    }

    private Random Generator(int target, int generation) =>
        new(unchecked((_options.Seed * 1_000_003) ^ (target * 7_919) ^ (generation * 104_729)));

    private SearchProgress Progress(SearchRun run, int target)
    {
        var state = run.State;
        var best = state.Targets.Select(t => t.TopK.Count > 0 ? run.Accuracies[t.TopK[0]] : (double?)null).ToList();
        int done = state.Targets.Sum(t => t.Generation), total = _options.Generations * state.Targets.Count;
        TimeSpan? remaining = done > 0 ? TimeSpan.FromSeconds(state.ElapsedSeconds / done * (total - done)) : null;
        return new SearchProgress(target, _options.FpsTargets, state.Targets[target].Generation, _options.Generations, best,
            state.Evaluated.Count, state.RejectedForFps, TimeSpan.FromSeconds(state.ElapsedSeconds), remaining);
    }

    private SearchResult Result(SearchRun run)
    {
        Candidate Candidate(int i) => new(run.Subnets[i], run.Accuracies[i], Fps(run.Subnets[i]));
        var targets = run.State.Targets.Select(t => new TargetResult(
            t.Fps, Candidate(t.TopK[0]), [.. t.TopK.Select(Candidate)], [.. t.History],
            t.BestUniform is >= 0 and var u ? Candidate(u) : null)).ToList();
        var evaluated = run.State.Evaluated.Select(Candidate).ToList();
        return new SearchResult(targets, evaluated, ParetoFront.Of(evaluated), run.State.Evaluated.Count, run.State.RejectedForFps);
    }

    /// <summary>The state of one run with the lookups it needs: subnets by index and back, accuracies, visited sets.</summary>
    private sealed class SearchRun
    {
        private readonly EvolutionarySearch _search;
        private readonly Dictionary<Subnet, int> _index = [];
        private readonly List<HashSet<int>> _visited;

        public SearchRun(EvolutionarySearch search, SearchState state)
        {
            _search = search;
            State = state;
            foreach (var yaml in state.Subnets)
            {
                var subnet = ConfigLoader.ParseSubnet(yaml, "search state", search._space);
                _index[subnet] = Subnets.Count;
                Subnets.Add(subnet);
            }
            for (int i = 0; i < state.Evaluated.Count; i++) Accuracies[state.Evaluated[i]] = state.Accuracies[i];
            _visited = [.. state.Targets.Select(t => new HashSet<int>(t.Visited))];
        }

        public SearchState State { get; }

        public List<Subnet> Subnets { get; } = [];

        public Dictionary<int, double> Accuracies { get; } = [];

        public bool TryFind(Subnet subnet, out int index) => _index.TryGetValue(subnet, out index);

        /// <summary>The index of <paramref name="subnet"/>, added if new; its YAML is written when the state is saved.</summary>
        public int Intern(Subnet subnet)
        {
            if (_index.TryGetValue(subnet, out int index)) return index;
            index = Subnets.Count;
            _index[subnet] = index;
            Subnets.Add(subnet);
            return index;
        }

        public bool WasVisited(int target, int index) => _visited[target].Contains(index);

        public bool Visit(int target, int index)
        {
            if (!_visited[target].Add(index)) return false;
            State.Targets[target].Visited.Add(index);
            return true;
        }

        public double Accuracy(int index, CancellationToken cancellationToken)
        {
            if (Accuracies.TryGetValue(index, out double accuracy)) return accuracy;
            accuracy = _search._evaluator.Evaluate(Subnets[index], cancellationToken);
            Accuracies[index] = accuracy;
            State.Evaluated.Add(index);
            State.Accuracies.Add(accuracy);
            return accuracy;
        }

        /// <summary>The state with every subnet's YAML, ready to write.</summary>
        public SearchState Save()
        {
            for (int i = State.Subnets.Count; i < Subnets.Count; i++) State.Subnets.Add(ConfigWriter.ToYaml(Subnets[i]));
            return State;
        }
    }
}
