using System.CommandLine;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Vitis.Lint;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>`quasar lint`: what Vitis HLS cannot synthesize in a generated project's kernel (docs/vitis.md).</summary>
public static class LintCommand
{
    public static Command Create()
    {
        var project = ProjectArgument();
        var lenient = LenientOption();
        var command = new Command("lint", "Check a generated HLS project's kernel: heap use, exceptions, RTTI, I/O and recursion (g++ + objdump), and what breaks bursts, II or resource sharing (QLINT1xx)")
        {
            project, lenient,
        };
        command.SetAction((parse, cancellation) => CliErrors.RunAsync(parse, async () =>
        {
            var tools = await ToolDiscovery.DiscoverAsync(cancellation).ConfigureAwait(false);
            var report = await RunAsync(tools, HlsProject.Open(parse.GetRequiredValue(project).FullName), parse.GetValue(lenient), cancellation).ConfigureAwait(false);
            return report.Passed ? 0 : 1;
        }));
        return command;
    }

    /// <summary>--lenient: the performance rules only warn (they fail the lint by default, docs/vitis.md).</summary>
    internal static Option<bool> LenientOption() =>
        new("--lenient") { Description = "Report the performance rules (QLINT101-106: port width, bursts, trip counts, call sites, DATAFLOW form, accumulator width) as warnings, not errors, e.g. while experimenting on a hand-edited kernel" };

    internal static Argument<DirectoryInfo> ProjectArgument() =>
        new("project") { Description = "Generated HLS project directory (docs/hls-engine.md §5)" };

    /// <summary>Runs the lint and prints its findings and summary line.</summary>
    internal static async Task<LintReport> RunAsync(Toolset tools, HlsProject project, bool lenient, CancellationToken cancellation)
    {
        var report = await new SynthesizabilityLint(tools, lenient ? LintOptions.Lenient : LintOptions.Default).RunAsync(project, cancellation: cancellation).ConfigureAwait(false);
        Console.WriteLine(report.Format());
        return report;
    }
}
