using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>
/// `quasar sweep &lt;sweep.yaml&gt;` (docs/sweep.md): generates the sweep's designs into one directory of projects, runs
/// the Vitis HLS steps of those without a valid report as tasks of an existing scheduler (a Slurm job array, or make -j
/// here when the file names none), follows them, gates each on its log and reports as `quasar synth`/`cosim` do, and
/// feeds `quasar calibrate` from the finished ones. A rerun submits only what is not done; Ctrl-C cancels the jobs.
/// </summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("sweep") { Description = "The sweep file (YAML, docs/sweep.md): designs or a grid, steps, and slurm: or make:" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Sweep directory to create or resume (default: beside the sweep file, named after it)" }.OutputDirectory();
        var force = new Option<bool>("--force") { Description = "Regenerate designs whose definition in the sweep file changed since the directory was generated" };
        var poll = new Option<double>("--poll-seconds") { Description = "How often to ask the scheduler for the tasks' states", DefaultValueFactory = _ => 10 }.InRange(0.1, 3600);
        var dryRun = new Option<bool>("--dry-run") { Description = "Generate the projects and write the job scripts, but submit nothing" };
        var command = new Command("sweep", "Generate a grid or list of designs and run their Vitis HLS steps as Slurm array tasks (or make -j), then calibrate the model from the reports")
        {
            file, output, force, poll, dryRun,
        };
        command.SetAction((parse, outer) => CliErrors.RunAsync(parse, async () =>
        {
            using var signals = new SignalCancellation(outer);
            var path = parse.GetRequiredValue(file).FullName;
            var config = ConfigLoader.LoadSweep(path);
            var layout = new SweepLayout(parse.GetValue(output)?.FullName ?? config.DefaultOutput);
            var run = new SweepRun(config, layout, parse.GetValue(force), TimeSpan.FromSeconds(parse.GetValue(poll)), parse.GetValue(dryRun));
            return await run.RunAsync(signals.Token).ConfigureAwait(false);
        }));
        return command;
    }
}
