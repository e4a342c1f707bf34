using CliWrap;
using CliWrap.Buffered;
using Quasar.HwGen.Vitis.Processes;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Vitis.Lint;

/// <summary>Demangles C++ symbol names with one run of c++filt (binutils), one name per line.</summary>
public static class Demangler
{
    public static async Task<IReadOnlyDictionary<string, string>> DemangleAsync(string cxxfilt, IReadOnlyCollection<string> names,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var ordered = names.ToArray();
        if (ordered.Length == 0) return new Dictionary<string, string>();
        var result = await Cli.Wrap(cxxfilt)
            .WithStandardInputPipe(PipeSource.FromString(string.Join('\n', ordered) + "\n"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellation).ConfigureAwait(false);
        var lines = result.StandardOutput.Split('\n');
        if (result.ExitCode != 0 || lines.Length < ordered.Length)
        {
            throw new ToolException("c++filt could not demangle the kernel's symbols", CommandLine.Format(cxxfilt, []), result.ExitCode,
                result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(5).ToArray());
        }
        return ordered.Select((name, i) => (name, lines[i])).ToDictionary(p => p.name, p => p.Item2, StringComparer.Ordinal);
    }
}
