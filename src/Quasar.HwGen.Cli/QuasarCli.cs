using System.CommandLine;
using System.CommandLine.Help;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Verbs;

namespace Quasar.HwGen.Cli;

/// <summary>
/// The `quasar` command line: parses, reports a wrong command line as `error: ...` with exit code 2 before any verb
/// runs, then runs the verb inside the error boundary. Tests call <see cref="RunAsync"/> as the process would.
/// </summary>
public static class QuasarCli
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("quasar: Quasar-ViT from quantization-aware training to a ZCU102 bitstream project")
        {
            DatasetCommand.Create(),
            DemoCommand.Create(),
            LowerCommand.Create(),
            ExportWeightsCommand.Create(),
            InferCommand.Create(),
            TrainCommand.Create(),
            AverageCommand.Create(),
            EvaluateCommand.Create(),
            SearchCommand.Create(),
            AblationCommand.Create(),
            EstimateCommand.Create(),
            CalibrateCommand.Create(),
            ReportCommand.Create(),
            Verbs.Sweep.SweepCommand.Create(),
            GenerateCommand.Create(),
            LintCommand.Create(),
            CsimCommand.Create(),
            HlsStepCommand.Create("synth", Vitis.Hls.HlsStep.Csynth, "C-synthesize a generated project with Vitis HLS and check its report against the part and the clock"),
            HlsStepCommand.Create("cosim", Vitis.Hls.HlsStep.Cosim, "C/RTL co-simulate a synthesized project with Vitis HLS against its golden vectors"),
            HlsStepCommand.Create("export", Vitis.Hls.HlsStep.Export, "Export a synthesized project's kernel object (quasar_gemm.xo) for v++ link"),
            LinkCommand.Create(),
            PackageCommand.Create(),
            SoftwareEmulationCommand.Create(),
        };
        root.Options.Add(new Option<bool>(CliErrors.VerboseOption) { Description = "On an error, also print its stack trace", Recursive = true });
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            var parse = CreateRoot().Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction) return ReportUsage(parse);
            return await parse.InvokeAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, args.Contains(CliErrors.VerboseOption));
        }
    }

    private static int ReportUsage(ParseResult parse)
    {
        foreach (var error in parse.Errors.Select(e => e.Message).Distinct()) Console.Error.WriteLine($"error: {error}");
        Console.Error.WriteLine($"run '{CommandPath(parse.CommandResult.Command)} --help' for the options");
        return ExitCodes.Usage;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command c; symbol = c.Parents.FirstOrDefault())
            names.Insert(0, c is RootCommand ? "quasar" : c.Name);
        return string.Join(' ', names);
    }
}
