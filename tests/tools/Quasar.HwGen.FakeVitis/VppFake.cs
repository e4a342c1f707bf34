namespace Quasar.HwGen.FakeVitis;

/// <summary><c>v++ -l</c> (link a kernel object into an xclbin) and <c>v++ -p</c> (package the SD card) for an embedded platform.</summary>
internal static class VppFake
{
    private static readonly string[] Targets = ["hw", "hw_emu", "sw_emu"];

    /// <summary><c>v++ -l -t &lt;target&gt; --platform &lt;platform&gt; --config &lt;cfg&gt; -o &lt;xclbin&gt; &lt;xo&gt;</c>.</summary>
    public static int Link(ToolCall call, FakeScenario scenario)
    {
        RequireTarget(call);
        call.Value("--platform");
        call.ExistingFile(call.Value("--config"), "the link config");
        var output = call.Value("-o");
        if (!output.EndsWith(".xclbin", StringComparison.Ordinal)) throw new FakeUsageException($"-o {output}: v++ -l writes an .xclbin");
        call.ExistingFile(call.Arguments[^1], "the kernel object");
        var xclbin = Path.Combine(call.WorkingDirectory, output);
        return FakeOutcome.End(scenario, FakeLogs.Link(scenario, xclbin), () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(xclbin)!);
            File.WriteAllBytes(xclbin, [.. "xclbin2\0"u8, .. new byte[56]]);
            // hw_emu links for RTL simulation: no implementation runs.
            if (call.Value("-t") == "hw") ReportFiles.Implementation(scenario, Path.Combine(call.WorkingDirectory, "_x"));
        });
    }

    /// <summary>
    /// <c>v++ -p -t &lt;target&gt; --platform &lt;platform&gt; &lt;xclbin&gt; --package.out_dir &lt;dir&gt;
    /// --package.rootfs &lt;rootfs.ext4&gt; --package.kernel_image &lt;Image&gt; --package.sd_file &lt;f&gt;…
    /// [--package.sd_dir &lt;d&gt;…]</c>: sd_card.img, and the FAT partition's files in sd_card/.
    /// </summary>
    public static int Package(ToolCall call, FakeScenario scenario)
    {
        RequireTarget(call);
        call.Value("--platform");
        var xclbin = call.Arguments.FirstOrDefault(a => a.EndsWith(".xclbin", StringComparison.Ordinal))
            ?? throw new FakeUsageException("v++ -p needs the xclbin");
        call.ExistingFile(xclbin, "the xclbin");
        call.ExistingFile(call.Value("--package.rootfs"), "the root file system");
        call.ExistingFile(call.Value("--package.kernel_image"), "the kernel image");
        var files = call.Values("--package.sd_file").Select(f => call.ExistingFile(f, "the SD card file")).ToList();
        var folders = call.Values("--package.sd_dir").Select(d => Directory.Exists(Path.Combine(call.WorkingDirectory, d))
            ? Path.Combine(call.WorkingDirectory, d) : throw new FakeUsageException($"the SD card folder {d} does not exist")).ToList();
        var outDir = Path.Combine(call.WorkingDirectory, call.Value("--package.out_dir"));
        var image = Path.Combine(outDir, "sd_card.img");
        return FakeOutcome.End(scenario, FakeLogs.Package(scenario, image), () =>
        {
            var card = Path.Combine(outDir, "sd_card");
            Directory.CreateDirectory(card);
            foreach (var file in files) File.Copy(file, Path.Combine(card, Path.GetFileName(file)), overwrite: true);
            foreach (var folder in folders) CopyFolder(folder, Path.Combine(card, Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))));
            File.WriteAllBytes(image, new byte[512]);
        });
    }

    private static void RequireTarget(ToolCall call)
    {
        var target = call.Value("-t");
        if (!Targets.Contains(target)) throw new FakeUsageException($"-t {target}: expected hw, hw_emu or sw_emu");
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        foreach (var folder in Directory.EnumerateDirectories(source)) CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
    }
}
