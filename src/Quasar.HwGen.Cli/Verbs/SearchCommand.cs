using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Search;
using Quasar.HwGen.Search.Evolution;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>`quasar search`: the hardware-oriented evolutionary search over a trained supernet, for several FPS targets.</summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var checkpoint = new Option<FileInfo>("--checkpoint") { Description = "Trained supernet (checkpoint manifest .json)", Required = true };
        var targets = new Option<double[]>("--fps") { Description = "FPS targets on the platform (repeatable)", Required = true, AllowMultipleArgumentsPerToken = true }
            .EachInRange(0, SearchOptions.MaxFpsTarget, exclusiveMin: true);
        var platform = new Option<string>("--platform") { Description = "Platform YAML or sample name", DefaultValueFactory = _ => "zcu102" };
        var data = new Option<DirectoryInfo?>("--data") { Description = $"IDX directory whose training split's LAST --validation-images images were held out by `quasar train` (default: {FashionMnist.DebianPackageDirectory} if installed, else samples/data/fashion-mnist and its shipped validation files)" };
        var validation = new Option<int>("--validation-images") { Description = "Size of the held-out validation split (as given to quasar train)", DefaultValueFactory = _ => 5000 }.InRange(1);
        var evaluate = new Option<int>("--evaluate-images") { Description = "Validation images per accuracy estimate (the first N of the split)", DefaultValueFactory = _ => 1000 }.InRange(1);
        var population = new Option<int>("--population") { Description = "Subnets kept per generation", DefaultValueFactory = _ => 50 }.InRange(1, SearchOptions.MaxPopulation);
        var generations = new Option<int>("--generations") { DefaultValueFactory = _ => 20 }.InRange(1, SearchOptions.MaxGenerations);
        var children = new Option<int>("--children") { Description = "Mutations and crossovers per generation, each", DefaultValueFactory = _ => 25 }.InRange(0, SearchOptions.MaxChildren);
        var topK = new Option<int>("--top-k") { Description = "Parents of the next generation: the best K of the population", DefaultValueFactory = _ => 10 }.InRange(1);
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory (Pareto subnets, CSV, plot, resumable state)", DefaultValueFactory = _ => new DirectoryInfo("artifacts/search") }.OutputDirectory();
        var resume = new Option<bool>("--resume") { Description = "Continue the search whose state is in --out" };
        var calibration = CalibrationOption.Create();
        var command = new Command("search", "Evolutionary search for the most accurate subnets that meet FPS targets in the hardware model")
        {
            checkpoint, targets, platform, data, validation, evaluate, population, generations, children, topK, seed, output, resume, calibration,
        };
        // Relations between options are checked in the action: a parse-time validator sees 0 for an option left at its default.
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            if (parse.GetValue(topK) > parse.GetValue(population))
                throw new UsageException($"--top-k {parse.GetValue(topK)} is more than --population {parse.GetValue(population)}: the parents are the best of the population; lower --top-k or raise --population");
            if (parse.GetValue(evaluate) > parse.GetValue(validation))
                throw new UsageException($"--evaluate-images {parse.GetValue(evaluate)} is more than --validation-images {parse.GetValue(validation)}: the estimates use the first N of the held-out split");
            if (parse.GetRequiredValue(targets) is var fps && fps.Distinct().Count() != fps.Length)
                throw new UsageException($"--fps {string.Join(' ', fps)}: give each target once");
            var board = ConfigArguments.Platform(parse.GetRequiredValue(platform));
            var calibrated = CalibrationOption.Load(parse.GetValue(calibration), board);
            var checkpointPath = parse.GetRequiredValue(checkpoint).FullName;
            var (supernet, space) = TrainedModels.Load(checkpointPath, null);
            using (supernet)
            {
                var directory = parse.GetValue(data)?.FullName ?? ValidationSplit.DefaultDirectory;
                var held = ValidationSplit.Load(directory, parse.GetValue(validation), parse.GetValue(evaluate));
                var options = new SearchOptions(parse.GetRequiredValue(targets), parse.GetValue(population), parse.GetValue(topK),
                    parse.GetValue(children), parse.GetValue(children), Generations: parse.GetValue(generations), Seed: parse.GetValue(seed));
                if (options.FindIssues() is [var issue, ..]) throw new UsageException($"quasar search: {issue}");
                var job = new SearchJob(space, board, options, parse.GetRequiredValue(output).FullName,
                    Latency: CalibrationOption.Latency(calibrated, Hardware.Latency.LatencyParameters.Default), Resources: CalibrationOption.Resources(calibrated));
                Console.WriteLine($"searching '{space.Name}' with accuracy on {held.Count} held-out validation images of {directory}");
                var result = job.Run(new SupernetAccuracyEvaluator(supernet, held, checkpointPath, directory), parse.GetValue(resume),
                    new ConsoleProgress<SearchProgress>(p => Console.WriteLine(p.ToString())));
                foreach (var target in result.Result.Targets)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"target {target.FpsTarget:F0} FPS: best {100 * target.Best.Accuracy:F2}% at {target.Best.Fps:F0} FPS ({target.Best.Subnet.Summary(space)}); best uniform {(target.BestUniform is { } u ? $"{100 * u.Accuracy:F2}% at {u.Fps:F0} FPS" : "none meets the target")}"));
                }
                foreach (var file in result.Files) Console.WriteLine($"wrote {file}");
            }
        }));
        return command;
    }
}
