using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Vitis.Csim;
using Quasar.HwGen.Vitis.Cycles;
using Quasar.HwGen.Vitis.Hls;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// `quasar csim`: lint, then C simulation of a generated project, with Vitis HLS when it is installed, else with g++
/// (docs/vitis.md); `--cycles` runs the cycle-accounting build instead and holds its counts against the hardware model.
/// Tool output streams to stderr; the one-line result (and the cycle table) goes to stdout; failure exits 1.
/// </summary>
public static class CsimCommand
{
    public static Command Create()
    {
        var project = LintCommand.ProjectArgument();
        var golden = new Option<FileInfo[]>("--golden")
        {
            Description = "Golden vector files (.qgv) passed to the testbench (default: what the testbench reads by itself)",
            AllowMultipleArgumentsPerToken = true,
        };
        var gxx = new Option<bool>("--gxx") { Description = "Simulate with g++ even when Vitis HLS is installed" };
        var vitis = new Option<bool>("--vitis") { Description = "Simulate with Vitis HLS (classic Tcl or 2024.x unified flow); fails when it is missing" };
        var cycles = new Option<bool>("--cycles")
        {
            Description = "Build the cycle-accounting testbench (g++ only) and hold each call's counted cycles against the hardware model (within 10%)",
        };
        var noLint = new Option<bool>("--no-lint") { Description = "Skip the synthesizability lint" };
        var lenient = LintCommand.LenientOption();
        var package = new Option<DirectoryInfo?>("--package")
        {
            Description = "Also run this IR package end to end on --count inputs through the g++-built kernel and through the C# emulation, and compare the logits bit for bit",
        };
        var images = new Option<int>("--count", "--images") { Description = "Images for --package", DefaultValueFactory = _ => 100 }.InRange(1, 1_000_000);
        var data = new Option<DirectoryInfo?>("--data") { Description = "IDX directory whose test images --package uses (default: the shipped Fashion-MNIST when the shape fits, else random images)" };
        var command = new Command("csim", "C-simulate a generated HLS project against its golden vectors") { project, golden, gxx, vitis, cycles, noLint, lenient, package, images, data };
        command.Validators.Add(result =>
        {
            if (result.GetValue(gxx) && result.GetValue(vitis)) result.AddError("--gxx and --vitis exclude each other");
            if (result.GetValue(cycles) && result.GetValue(vitis)) result.AddError("--cycles counts cycles in the g++ build only; drop --vitis (or use --gxx)");
            if (result.GetResult(images) is { Implicit: false } && result.GetValue(package) is null) result.AddError("--count needs --package (the IR package to run end to end)");
            if (result.GetResult(data) is not null && result.GetValue(package) is null) result.AddError("--data needs --package (the IR package to run end to end)");
        });
        command.SetAction((parse, outer) => CliErrors.RunAsync(parse, async () =>
        {
            using var signals = new SignalCancellation(outer);
            var cancellation = signals.Token;
            var tools = await ToolDiscovery.DiscoverAsync(cancellation).ConfigureAwait(false);
            var hls = HlsProject.Open(parse.GetRequiredValue(project).FullName);
            var endToEnd = parse.GetValue(package) is { } ir ? Codegen.Project.LoadedPackage.Read(ir.FullName) : null;
            if (endToEnd is not null && ProjectPackageFit.ThrowIfCannotRun(hls.Root, endToEnd) is { } note) await Console.Error.WriteLineAsync(note).ConfigureAwait(false);
            var goldenFiles = (parse.GetValue(golden) ?? []).Select(f => f.FullName).ToArray();
            bool countCycles = parse.GetValue(cycles);
            bool useVitis = parse.GetValue(vitis) || (!parse.GetValue(gxx) && !countCycles && tools.Flow != HlsFlow.None);
            if (!parse.GetValue(noLint))
            {
                var lint = await LintCommand.RunAsync(tools, hls, parse.GetValue(lenient), cancellation).ConfigureAwait(false);
                if (!lint.Passed)
                {
                    await Console.Error.WriteLineAsync("error: the kernel is not synthesizable (see above); --no-lint simulates anyway").ConfigureAwait(false);
                    return 1;
                }
            }
            int exit = useVitis
                ? await RunVitisAsync(tools, hls, goldenFiles, cancellation).ConfigureAwait(false)
                : await RunGxxAsync(tools, hls, goldenFiles, countCycles, cancellation).ConfigureAwait(false);
            if (exit != 0 || endToEnd is null) return exit;
            return await RunEndToEndAsync(tools, hls, endToEnd.Graph, parse.GetValue(images), parse.GetValue(data), cancellation).ConfigureAwait(false);
        }));
        return command;
    }

    private static async Task<int> RunGxxAsync(Toolset tools, HlsProject project, string[] golden, bool countCycles, CancellationToken cancellation)
    {
        // Read before the build, so that a project without a readable engine fails before minutes of compiling.
        var engine = countCycles ? ProjectManifest.Read(Path.Combine(project.Root, ProjectManifest.FileName)).Engine.ToConfig() : null;
        var options = countCycles ? GxxCsimOptions.Default.WithCycleAccounting() : GxxCsimOptions.Default;
        Console.Error.WriteLine($"csim with g++ {tools.GxxVersion} ({tools.Require(ToolNames.Gxx)}) in {project.Root}{(countCycles ? ", cycle-accounting build" : "")}");
        var csim = new GxxCsim(tools.Require(ToolNames.Gxx), options);
        // The accounting build prints a CYCLES line a call: they go to the table, not to stderr.
        var result = await csim.RunAsync(project, golden, new ConsoleProgress<string>(line =>
        {
            if (!countCycles || !line.StartsWith("CYCLES ", StringComparison.Ordinal)) Console.Error.WriteLine("  " + line);
        }), cancellation).ConfigureAwait(false);
        if (result.CompilerWarnings.Count > 0) Console.Error.WriteLine($"  ({result.CompilerWarnings.Count} compiler warning(s) above)");
        Console.WriteLine(result.Summary());
        bool cyclesHold = engine is null || ReportCycles(engine, result.Log);
        return result.Succeeded && cyclesHold ? 0 : 1;
    }

    /// <summary>Prints the per-op table of counted against modelled cycles; false when a call is beyond 10% (or none was counted).</summary>
    private static bool ReportCycles(Hardware.Engine.EngineConfig engine, IReadOnlyList<string> log)
    {
        var comparison = CycleComparison.Compare(engine, CycleLines.Parse(log));
        foreach (var line in CycleTable.Format(comparison)) Console.WriteLine(line);
        return comparison.Passed;
    }

    private static async Task<int> RunEndToEndAsync(Toolset tools, HlsProject project, Core.Ir.IrGraph graph, int count, DirectoryInfo? data,
        CancellationToken cancellation)
    {
        var (images, source) = GoldenImages.Load(graph, data, count, seed: 1);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var library = await new KernelLibraryBuilder(tools.Require(ToolNames.Gxx), GxxCsimOptions.Default).BuildAsync(project, cancellation: cancellation)
            .ConfigureAwait(false);
        var build = clock.Elapsed;
        Console.Error.WriteLine($"end to end: {graph.Name} on {source}, g++ kernel library {library}");
        // The words are laid out for the engine the project was generated with.
        var geometry = ProjectManifest.Read(Path.Combine(project.Root, ProjectManifest.FileName)).Engine.ToConfig().Geometry;
        using var kernel = new CompiledKernelEngine(library, geometry);
        var progress = new ConsoleProgress<int>(done =>
        {
            if (done % 50 == 0 || done == images.Count) Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {done}/{images.Count} images"));
        });
        clock.Restart();
        var result = EndToEndCsim.Run(graph, kernel, images, progress);
        Console.WriteLine(result.Passed
            ? string.Create(CultureInfo.InvariantCulture,
                $"end to end: PASS, identical logits on {result.ImagesMatched} images ({result.KernelCalls} kernel calls); library build {build.TotalSeconds:F1} s, run {clock.Elapsed.TotalSeconds:F1} s")
            : $"end to end: FAIL after {result.ImagesMatched} matching images: {result.Mismatch}");
        return result.Passed ? 0 : 1;
    }

    private static async Task<int> RunVitisAsync(Toolset tools, HlsProject project, string[] golden, CancellationToken cancellation)
    {
        if (tools.Flow == HlsFlow.Unified && golden.Length > 0)
        {
            throw new UsageException("--golden: the unified Vitis flow reads testbench arguments from hls_config.cfg (csim.argv); drop --golden or use --gxx");
        }
        var runner = new VitisHlsRunner(tools);
        if (runner.Flow != HlsFlow.None) Console.Error.WriteLine($"csim with Vitis HLS ({runner.Flow} flow) in {project.Root}");
        var result = await runner.RunAsync(project, HlsStep.Csim, golden, new ConsoleProgress<string>(line => Console.Error.WriteLine("  " + line)), cancellation)
            .ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"csim (Vitis HLS, {result.Flow} flow): PASS, {result.Verdict.PassedCalls?.ToString(CultureInfo.InvariantCulture) ?? "?"} kernel calls; {result.Duration.TotalSeconds:F1} s"));
        return 0;
    }
}
