using Quasar.HwGen.Core;
using Quasar.HwGen.Vitis.Processes;
using Quasar.HwGen.Vitis.Tools;
using Quasar.HwGen.Vitis.Vpp;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// The board application for the SD card: quasar-run published self-contained for linux-arm64 (the ZCU102's
/// Cortex-A53 needs no .NET installed), either given (checked to be an aarch64 executable) or published from the
/// source tree into the project's build folder.
/// </summary>
internal static class BoardApplication
{
    private const ushort ElfMachineAarch64 = 183;

    /// <summary>Checks that <paramref name="folder"/> holds an aarch64 quasar-run; returns the folder.</summary>
    public static string Check(string folder)
    {
        var executable = Path.Combine(folder, SdCardContents.ApplicationExecutable);
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"--app {folder}: no {SdCardContents.ApplicationExecutable} in it; give the folder of `dotnet publish host-runtime/Quasar.Runtime.App -r linux-arm64 --self-contained`, or leave --app out to publish it");
        }
        Span<byte> header = stackalloc byte[20];
        using (var stream = File.OpenRead(executable))
        {
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header[..4].SequenceEqual("\u007fELF"u8))
                throw new InvalidDataException($"--app {executable} is not a Linux executable (no ELF header): publish quasar-run with -r linux-arm64");
        }
        ushort machine = (ushort)(header[18] | (header[19] << 8));
        if (machine != ElfMachineAarch64)
        {
            throw new InvalidDataException($"--app {executable} is built for {MachineName(machine)}, not the ZCU102's arm64: publish quasar-run with -r linux-arm64 --self-contained");
        }
        return folder;
    }

    /// <summary>
    /// Publishes quasar-run for linux-arm64 from the source tree into &lt;project&gt;/build/quasar-run-linux-arm64: the
    /// one thing that needs a source checkout (QUASAR_HOME, or the one holding the working directory or quasar itself);
    /// the installed tool has none, so there it asks for --app.
    /// </summary>
    public static async Task<string> PublishAsync(string projectRoot, IProgress<string> progress, CancellationToken cancellation)
    {
        var app = SourceCheckout() is { } root ? Path.Combine(root, "host-runtime", "Quasar.Runtime.App", "Quasar.Runtime.App.csproj") : null;
        if (app is null || !File.Exists(app))
        {
            throw new FileNotFoundException($"cannot publish the board application: {(app is null ? "quasar runs outside a source checkout" : $"{app} is missing")}; "
                + "pass --app <folder of a linux-arm64 quasar-run> (docs/install.md)");
        }
        var output = Path.Combine(projectRoot, "build", "quasar-run-linux-arm64");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : ToolSearchPath.FromEnvironment().Find("dotnet")
            ?? throw new ToolNotFoundException("dotnet", ToolSearchPath.FromEnvironment().Directories, "install the .NET SDK, or pass --app <folder of a linux-arm64 quasar-run>");
        // Its own artifacts folder: a RID-specific restore in the projects' obj/ would clash with the solution's build.
        string[] arguments = ["publish", app, "-c", "Release", "-r", "linux-arm64", "--self-contained", "-o", output, "--artifacts-path", Path.Combine(projectRoot, "build", "dotnet-artifacts")];
        var run = await ToolRunner.RunAsync(dotnet, arguments, projectRoot, progress.Report, cancellation: cancellation).ConfigureAwait(false);
        if (run.ExitCode != 0) throw new ToolException("publishing quasar-run for linux-arm64 failed", run.Command, run.ExitCode, run.Tail(15));
        return Check(output);
    }

    private static string? SourceCheckout()
    {
        try
        {
            return RepositoryLayout.Root;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static string MachineName(ushort machine) => machine switch
    {
        62 => "x86-64",
        40 => "32-bit ARM",
        3 => "x86",
        243 => "RISC-V",
        _ => $"ELF machine {machine}",
    };
}
