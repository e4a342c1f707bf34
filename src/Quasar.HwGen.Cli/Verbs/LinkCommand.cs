using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Core.IO;
using Quasar.HwGen.Vitis.Hls;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.Tools;
using Quasar.HwGen.Vitis.Vpp;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// `quasar link <project>`: v++ -l of the exported kernel object into build/&lt;target&gt;/quasar_gemm.xclbin for the
/// project's platform, with the link-only vpp/&lt;platform&gt;.link.cfg (connectivity, clock), as the Makefile's
/// `make xclbin`; the engine record is copied beside the xclbin for quasar-run. Gated on exit code, log and output.
/// </summary>
public static class LinkCommand
{
    public static Command Create()
    {
        var project = LintCommand.ProjectArgument();
        var shared = new VppStepOptions("placement and routing take hours");
        var command = new Command("link", "Link an exported project's kernel object into an xclbin for the ZCU102 with v++ (after `quasar export`)") { project };
        shared.AddTo(command);
        command.SetAction((parse, outer) => CliErrors.RunAsync(parse, async () =>
        {
            using var signals = new SignalCancellation(outer);
            var cancellation = signals.Token;
            var hls = HlsProject.Open(parse.GetRequiredValue(project).FullName);
            var manifest = ProjectManifest.Read(hls.PathOf(ProjectManifest.FileName));
            var options = shared.Read(parse, manifest);
            var kernelObject = KernelObject(hls.Root);
            var linkConfig = hls.RequireFile($"vpp/{manifest.Platform.Name}.link.cfg", "v++ -l");
            var tools = await ToolDiscovery.DiscoverAsync(cancellation).ConfigureAwait(false);
            tools.Require(ToolNames.Vpp);
            var layout = new BuildLayout(hls.Root, options.Target);

            VppStepResult result;
            using (var log = StepLog.Open(hls.Root, "link"))
            {
                await Console.Error.WriteLineAsync($"link {hls.Relative(kernelObject)} for {options.Platform} (-t {options.Target}) in {hls.Root}; log in {log.Path}").ConfigureAwait(false);
                result = await new VppRunner(tools, options).LinkAsync(hls.Root, kernelObject, linkConfig, log.Progress, cancellation).ConfigureAwait(false);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"link (v++ -t {options.Target}, {options.Platform}): PASS in {result.Duration.TotalSeconds:F1} s"));
            Console.WriteLine($"xclbin: {result.Output}");
            foreach (var line in Implementation(result.Implementation, options.Target)) Console.WriteLine(line);
            if (File.Exists(layout.ProjectEngineRecord))
            {
                AtomicFile.WriteAllBytes(layout.EngineRecord, File.ReadAllBytes(layout.ProjectEngineRecord));
                Console.WriteLine($"engine record: {layout.EngineRecord}");
            }
            else
            {
                await Console.Error.WriteLineAsync($"warning: {hls.Root} has no vpp/quasar_gemm.engine (generated before engine records); quasar-run cannot check a model against this xclbin: regenerate the project").ConfigureAwait(false);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>What Vivado measured after routing: utilisation against the part and the timing verdict.</summary>
    private static IEnumerable<string> Implementation(LinkReports? reports, string target)
    {
        if (reports is null) yield break;
        if (reports.Utilization is { } utilization)
            yield return $"implemented{(utilization.Device is null ? "" : " on " + utilization.Device)}: " + HlsStepCommand.Resources(utilization.Used, utilization.Available);
        if (reports.Timing is { } timing)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"timing met after routing: setup WNS {LinkReportGate.Ns(timing.Setup.WorstNs)}, hold WHS {LinkReportGate.Ns(timing.Hold.WorstNs)}");
        }
        if (target == "hw" && (reports.Utilization is null || reports.Timing is null))
        {
            var (report, figure) = reports.Timing is null ? ("timing summary", "timing") : ("utilization report", "utilisation");
            yield return $"note: this link left no {report} under {reports.Files.SearchedFolders[0]} or the other folders v++ uses: {figure} after routing is unchecked";
        }
    }

    /// <summary>The kernel object `quasar export` left (either flow's place), or an error saying to export first.</summary>
    internal static string KernelObject(string projectRoot)
    {
        var found = new[] { HlsFlow.ClassicTcl, HlsFlow.Unified }
            .Select(flow => HlsReportGate.ExportedKernel(projectRoot, flow, VitisHlsOptions.Default)).FirstOrDefault(path => path is not null);
        return found ?? throw new FileNotFoundException(
            $"{projectRoot} has no kernel object {HlsReportGate.TopFunction}.xo (looked in the project folder and under {VitisHlsOptions.Default.WorkDirectory}/): run `quasar export {projectRoot}` first");
    }
}
