using System.Diagnostics;
using System.Globalization;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Calibration;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Solver;
using Quasar.HwGen.Search;
using Quasar.HwGen.Search.Evolution;

namespace Quasar.HwGen.Bench;

/// <summary>
/// The hardware model and the search: latency estimates per second (what the search's constraint check costs),
/// the engine solver's time, the wall time of a default-sized search with the synthetic evaluator, and the
/// calibration table. Options: <c>--calibrate</c> also refits the calibration constants (a few seconds).
/// </summary>
public static class HardwareBenchmark
{
    public static int Run(string[] args)
    {
        var ci = CultureInfo.InvariantCulture;
        var platform = SampleConfigs.LoadPlatform(SampleConfigs.Zcu102);
        Console.WriteLine(string.Create(ci, $"hardware model and search; {Environment.ProcessorCount} cores"));

        foreach (var name in new[] { SampleConfigs.FashionMnist, SampleConfigs.ImageNetTiny, SampleConfigs.ImageNetSmall })
        {
            var space = SampleConfigs.LoadSearchSpace(name);
            var clock = Stopwatch.StartNew();
            var engine = EngineSolver.ForSpace(platform, space);
            double solveSeconds = clock.Elapsed.TotalSeconds;
            var random = new Random(1);
            var subnets = Enumerable.Range(0, 2000).Select(_ => Subnet.Random(space, random)).ToArray();

            // Cold: a fresh model computes each GEMM shape once; warm: every shape cached.
            var cold = new LatencyModel(platform, engine.Engine);
            clock.Restart();
            double sink = 0;
            foreach (var subnet in subnets) sink += cold.FramesPerSecond(subnet, space);
            double coldRate = subnets.Length / clock.Elapsed.TotalSeconds;
            var warm = Timing.Measure([() =>
            {
                foreach (var subnet in subnets) sink += cold.FramesPerSecond(subnet, space);
            }]);
            Console.WriteLine(string.Create(ci,
                $"{name,-15} solver {solveSeconds:F2} s ({engine.CandidatesTried:N0} candidates, {engine.CandidatesWithinBudget:N0} within budget); estimates/s: {coldRate:N0} cold, {subnets.Length / warm[0].Median:N0} warm; FPS of random subnets {subnets.Min(s => cold.FramesPerSecond(s, space)):F0}–{subnets.Max(s => cold.FramesPerSecond(s, space)):F0}{(sink > 0 ? "" : "!")}"));
        }

        var fashion = SampleConfigs.LoadSearchSpace(SampleConfigs.FashionMnist);
        var model = EngineSolver.ForSpace(platform, fashion).Model;
        double slow = model.FramesPerSecond(Subnet.Largest(fashion), fashion), fast = model.FramesPerSecond(Subnet.Smallest(fashion), fashion);
        var targets = new[] { 0.25, 0.5, 0.75 }.Select(f => Math.Round(slow + f * (fast - slow))).ToArray();
        var options = new SearchOptions(targets, Seed: 1);
        var evaluator = new SyntheticAccuracyEvaluator(fashion);
        var watch = Stopwatch.StartNew();
        var result = new EvolutionarySearch(fashion, model, evaluator, options).Run();
        Console.WriteLine(string.Create(ci,
            $"search          fashion-mnist, synthetic accuracy, {options.Describe()}: {watch.Elapsed.TotalSeconds:F2} s wall, {result.Evaluations} evaluations, {result.RejectedForFps} rejected for FPS, Pareto set of {result.Pareto.Count}"));
        using (var directory = new TemporaryState())
        {
            watch.Restart();
            new EvolutionarySearch(fashion, model, new SyntheticAccuracyEvaluator(fashion), options).Run(directory.File);
            Console.WriteLine(string.Create(ci, $"search          the same with its state written after every generation: {watch.Elapsed.TotalSeconds:F2} s wall ({new FileInfo(directory.File).Length / 1024.0:F0} KiB of state)"));
        }

        watch.Restart();
        var rows = PaperCalibration.Run(platform);
        Console.WriteLine(string.Create(ci,
            $"calibration ({watch.Elapsed.TotalSeconds:F2} s): the design the solver generates for each anchor within the paper's utilisation, its modelled FPS next to the paper's, its share of the device and the kernel processes that bind it:"));
        Console.Write(PaperCalibration.Table(rows));
        if (args.Contains("--calibrate"))
        {
            watch.Restart();
            var fit = PaperCalibration.Fit(platform);
            Console.WriteLine(string.Create(ci,
                $"refit ({watch.Elapsed.TotalSeconds:F1} s): array efficiency {fit.ArrayEfficiency:0.00}{(fit.ArrayEfficiency >= 1 ? " (its bound: below the paper at any efficiency)" : "")}, host cost scale {fit.HostCostScale:0.00} (the slowest host that keeps up with the paper's FPS), squared log error {fit.SquaredLogError:E2}"));
        }
        return 0;
    }

    private sealed class TemporaryState : IDisposable
    {
        public string File { get; } = Path.Combine(Path.GetTempPath(), $"quasar-bench-{Guid.NewGuid():N}.json");

        public void Dispose()
        {
            if (System.IO.File.Exists(File)) System.IO.File.Delete(File);
        }
    }
}
