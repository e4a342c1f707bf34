namespace Quasar.HwGen.Vitis.Vpp;

/// <summary>
/// Assembles the SD card's files in one folder (<see cref="BuildLayout.SdCardFolder"/>): built beside it under a
/// temporary name and swapped in whole, so an interrupted run never leaves a half card that looks complete.
/// </summary>
public static class SdCardFolder
{
    public static string Assemble(string folder, SdCardContents contents, string modelName)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var staging = folder + ".partial";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        File.Copy(contents.Xclbin, Path.Combine(staging, Path.GetFileName(contents.Xclbin)));
        if (contents.EngineRecord is not null) File.Copy(contents.EngineRecord, Path.Combine(staging, Path.GetFileName(contents.EngineRecord)));
        CopyFolder(contents.Application, Path.Combine(staging, SdCardContents.ApplicationFolder));
        CopyFolder(contents.IrPackage, Path.Combine(staging, SdCardContents.ModelFolder));
        File.WriteAllText(Path.Combine(staging, SdCardContents.XrtIni), SdCardText.XrtIni);
        var script = Path.Combine(staging, SdCardContents.RunScript);
        File.WriteAllText(script, SdCardText.RunScript(Path.GetFileName(contents.Xclbin)));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, (UnixFileMode)Convert.ToInt32("755", 8));
        File.WriteAllText(Path.Combine(staging, SdCardContents.Readme), SdCardText.Readme(contents, modelName));
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.Move(staging, folder);
        return folder;
    }

    /// <summary>Copies a folder with its files' permissions (the app's executable bit must survive).</summary>
    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var copy = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, copy);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(copy, File.GetUnixFileMode(file));
        }
        foreach (var child in Directory.EnumerateDirectories(source)) CopyFolder(child, Path.Combine(target, Path.GetFileName(child)));
    }

}
