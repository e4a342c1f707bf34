using System.CommandLine;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.Tools;
using Quasar.HwGen.Vitis.Vpp;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// `quasar package <project>`: the ZCU102's SD card after `quasar link`: the xclbin and its engine record, quasar-run
/// for linux-arm64, the IR package, xrt.ini, run.sh and a README, in build/&lt;target&gt;/sd_card/; with --rootfs (the
/// platform's common image) also v++ -p's bootable build/&lt;target&gt;/package/sd_card.img.
/// </summary>
public static class PackageCommand
{
    public static Command Create()
    {
        var project = LintCommand.ProjectArgument();
        var shared = new VppStepOptions("v++ -p takes minutes");
        var app = new Option<DirectoryInfo?>("--app") { HelpName = "folder", Description = "quasar-run published for linux-arm64 (default: publish it from the source tree)" };
        var package = new Option<DirectoryInfo?>("--ir-package") { HelpName = "dir", Description = "The model's IR package (default: the one the project was generated from)" };
        var rootfs = new Option<DirectoryInfo?>("--rootfs") { HelpName = "dir", Description = "The platform's common image folder (rootfs.ext4, Image): also build a bootable sd_card.img with v++ -p" };
        var command = new Command("package", "Put together the ZCU102's SD card for a linked project: xclbin, board app, model, xrt.ini, run script, README (after `quasar link`)")
        {
            project, app, package, rootfs,
        };
        shared.AddTo(command);
        command.SetAction((parse, outer) => CliErrors.RunAsync(parse, async () =>
        {
            using var signals = new SignalCancellation(outer);
            var cancellation = signals.Token;
            var hls = HlsProject.Open(parse.GetRequiredValue(project).FullName);
            var manifest = ProjectManifest.Read(hls.PathOf(ProjectManifest.FileName));
            var options = shared.Read(parse, manifest);
            var layout = new BuildLayout(hls.Root, options.Target);
            if (!File.Exists(layout.Xclbin)) throw new FileNotFoundException($"{layout.Xclbin} does not exist: run `quasar link {hls.Root} --target {options.Target}` first");
            var image = parse.GetValue(rootfs) is { } folder ? CommonImage.Of(folder.FullName) : null;
            var tools = await ToolDiscovery.DiscoverAsync(cancellation).ConfigureAwait(false);
            if (image is not null) tools.Require(ToolNames.Vpp);

            var model = LoadedPackage.Read(parse.GetValue(package)?.FullName ?? manifest.IrPackage);
            if (ProjectPackageFit.ThrowIfCannotRun(hls.Root, model) is { } note) await Console.Error.WriteLineAsync(note).ConfigureAwait(false);
            var engine = File.Exists(layout.EngineRecord) ? layout.EngineRecord : null;
            if (engine is null) await Console.Error.WriteLineAsync($"warning: no {layout.EngineRecord}: quasar-run on the board cannot check the model against the xclbin; regenerate the project and link again").ConfigureAwait(false);

            using var log = StepLog.Open(hls.Root, "package");
            string application;
            if (parse.GetValue(app) is { } given)
            {
                application = BoardApplication.Check(given.FullName);
            }
            else
            {
                await Console.Error.WriteLineAsync($"publishing quasar-run for linux-arm64 (self-contained); log in {log.Path}").ConfigureAwait(false);
                application = await BoardApplication.PublishAsync(hls.Root, log.Progress, cancellation).ConfigureAwait(false);
            }
            var contents = new SdCardContents(layout.Xclbin, engine, application, model.Directory);
            SdCardFolder.Assemble(layout.SdCardFolder, contents, model.Graph.Name);
            Console.WriteLine($"SD card files: {layout.SdCardFolder} ({string.Join(", ", contents.TopLevelFiles.Concat(SdCardContents.Folders.Select(f => f + "/")))})");
            if (image is null)
            {
                Console.WriteLine("copy them to the FAT partition of an SD card that boots the platform's common image, or pass --rootfs <common image folder> for a bootable sd_card.img");
                return ExitCodes.Success;
            }

            await Console.Error.WriteLineAsync($"v++ -p for {options.Platform} (-t {options.Target}); log in {log.Path}").ConfigureAwait(false);
            var result = await new VppRunner(tools, options).PackageAsync(hls.Root, image.Rootfs, image.Kernel,
                contents.TopLevelFiles.Select(f => Path.Combine(layout.SdCardFolder, f)).ToList(),
                SdCardContents.Folders.Select(f => Path.Combine(layout.SdCardFolder, f)).ToList(), log.Progress, cancellation).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"package (v++ -p -t {options.Target}, {options.Platform}): PASS in {result.Duration.TotalSeconds:F1} s"));
            Console.WriteLine($"SD card image: {result.Output} (write it with `dd if=... of=/dev/sdX bs=4M conv=fsync` or balenaEtcher)");
            return ExitCodes.Success;
        }));
        return command;
    }
}
