namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>
/// Stand-ins for what `quasar package` takes from outside the project: a published linux-arm64 quasar-run (an ELF
/// header for aarch64 is all the check reads) and the platform's common image folder (rootfs.ext4 and Image).
/// </summary>
internal static class BoardFiles
{
    public static void Write(string folder)
    {
        var app = Path.Combine(folder, "app");
        Directory.CreateDirectory(app);
        byte[] header = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0xB7, 0];
        var executable = Path.Combine(app, "quasar-run");
        File.WriteAllBytes(executable, [.. header, .. new byte[44]]);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(app, "appsettings.json"), "{ \"Run\": {} }\n");
        var common = Path.Combine(folder, "common");
        Directory.CreateDirectory(common);
        File.WriteAllText(Path.Combine(common, "rootfs.ext4"), "ext4");
        File.WriteAllText(Path.Combine(common, "Image"), "kernel");
    }
}
