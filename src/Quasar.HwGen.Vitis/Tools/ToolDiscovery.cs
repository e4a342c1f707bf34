using CliWrap;
using CliWrap.Buffered;

namespace Quasar.HwGen.Vitis.Tools;

/// <summary>Finds g++ (with its version) and the Vitis tools on a search path.</summary>
public static class ToolDiscovery
{
    public static Task<Toolset> DiscoverAsync(CancellationToken cancellation = default) =>
        DiscoverAsync(ToolSearchPath.FromEnvironment(), cancellation);

    public static async Task<Toolset> DiscoverAsync(ToolSearchPath searchPath, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(searchPath);
        var gxx = searchPath.Find(ToolNames.Gxx);
        var version = gxx is null ? null : await GxxVersionAsync(gxx, cancellation).ConfigureAwait(false);
        return new Toolset(searchPath, gxx, version,
            searchPath.Find(ToolNames.VitisHls), searchPath.Find(ToolNames.VitisRun), searchPath.Find(ToolNames.Vpp),
            searchPath.Find(ToolNames.Xclbinutil));
    }

    /// <summary><c>g++ -dumpfullversion</c> (e.g. "12.2.0"); null when the compiler does not answer.</summary>
    public static async Task<string?> GxxVersionAsync(string gxx, CancellationToken cancellation = default)
    {
        var result = await Cli.Wrap(gxx).WithArguments(["-dumpfullversion", "-dumpversion"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellation).ConfigureAwait(false);
        var text = result.StandardOutput.Trim();
        return result.ExitCode == 0 && text.Length > 0 ? text : null;
    }

    /// <summary>The major version of a "12.2.0"-style version, or null.</summary>
    public static int? MajorVersion(string? version) =>
        version is not null && int.TryParse(version.Split('.')[0], System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var major) ? major : null;
}
