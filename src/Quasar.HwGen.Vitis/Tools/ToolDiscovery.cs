using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace Quasar.HwGen.Vitis.Tools;

/// <summary>Finds g++ (with its version) and the Vitis tools on a search path.</summary>
public static partial class ToolDiscovery
{
    public static Task<Toolset> DiscoverAsync(CancellationToken cancellation = default) =>
        DiscoverAsync(ToolSearchPath.FromEnvironment(), cancellation);

    public static async Task<Toolset> DiscoverAsync(ToolSearchPath searchPath, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(searchPath);
        var gxx = searchPath.Find(ToolNames.Gxx);
        var version = gxx is null ? null : await GxxVersionAsync(gxx, cancellation).ConfigureAwait(false);
        string? vitisHls = searchPath.Find(ToolNames.VitisHls), vitisRun = searchPath.Find(ToolNames.VitisRun), vpp = searchPath.Find(ToolNames.Vpp);
        // One question to the tools, to the quickest to answer: v++ starts in a second or two, vitis_hls in several.
        var release = vpp is not null ? await VitisReleaseAsync(vpp, "--version", cancellation).ConfigureAwait(false)
            : vitisHls is not null ? await VitisReleaseAsync(vitisHls, "-version", cancellation).ConfigureAwait(false)
            : null;
        return new Toolset(searchPath, gxx, version, vitisHls, vitisRun, vpp, searchPath.Find(ToolNames.Xclbinutil), release);
    }

    /// <summary>How long a Vitis tool may take to print its version before the release is left unknown.</summary>
    public static TimeSpan VersionQueryTimeout { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The release a Vitis tool names in its banner ("****** v++ v2024.2 (64-bit)", "... OpenCL v2020.2 (64-bit)"), e.g.
    /// "2024.2"; null when it does not answer with one.
    /// </summary>
    public static async Task<string?> VitisReleaseAsync(string tool, string versionFlag, CancellationToken cancellation = default)
    {
        // A tool that does not answer within a minute (a licence server, a broken install) leaves the release unknown.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(VersionQueryTimeout);
        try
        {
            var result = await Cli.Wrap(tool).WithArguments([versionFlag]).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(deadline.Token).ConfigureAwait(false);
            return Release().Match(result.StandardOutput + "\n" + result.StandardError) is { Success: true } match ? match.Groups[1].Value : null;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\bv(20\d\d\.\d)\b")]
    private static partial Regex Release();

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
