namespace Quasar.HwGen.Vitis.Projects;

/// <summary>
/// The files of a generated HLS project (docs/hls-engine.md §5) that the driver uses. Opening checks that the
/// directory and its kernel exist; the other files are checked by the step that needs them.
/// </summary>
public sealed class HlsProject
{
    public const string KernelFile = "src/quasar_gemm.cpp";
    public const string TclScriptFile = "scripts/run_hls.tcl";
    public const string ConfigFile = "hls_config.cfg";
    public const string IncludeDirectory = "include";
    public const string SourceDirectory = "src";
    public const string TestbenchDirectory = "tb";

    private HlsProject(string root) => Root = root;

    /// <summary>The project directory (absolute).</summary>
    public string Root { get; }

    public string Kernel => Path.Combine(Root, KernelFile);

    public string TclScript => Path.Combine(Root, TclScriptFile);

    public string Config => Path.Combine(Root, ConfigFile);

    public string Include => Path.Combine(Root, IncludeDirectory);

    public static HlsProject Open(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"HLS project directory {root} does not exist");
        var project = new HlsProject(root);
        if (!File.Exists(project.Kernel))
            throw new FileNotFoundException($"{root} is not a generated HLS project: {KernelFile} is missing (see docs/hls-engine.md §5)", project.Kernel);
        return project;
    }

    /// <summary>The kernel sources (<c>src/*.cpp</c>), sorted.</summary>
    public IReadOnlyList<string> KernelSources => Sources(SourceDirectory);

    /// <summary>The testbench sources (<c>tb/*.cpp</c>), sorted; at least one is required to simulate.</summary>
    public IReadOnlyList<string> TestbenchSources => Sources(TestbenchDirectory);

    /// <summary>An absolute path inside the project.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary><paramref name="file"/> relative to the project root, with '/' separators (for command lines and messages).</summary>
    public string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');

    /// <summary>Checks that <paramref name="relative"/> exists, for the steps that need it.</summary>
    public string RequireFile(string relative, string neededFor)
    {
        var path = PathOf(relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{relative} is missing in {Root}; {neededFor} needs it", path);
    }

    private string[] Sources(string directory)
    {
        var path = PathOf(directory);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.cpp", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToArray()
            : [];
    }
}
