using System.Globalization;
using System.Text;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.IO;
using Quasar.HwGen.Search.Results;

namespace Quasar.HwGen.Search.Output;

/// <summary>
/// Writes a search's outcome to a directory: the Pareto set as subnet YAML files (<c>pareto/pareto-00.subnet.yaml</c>,
/// fastest first), the best and the best uniform subnet per target (<c>targets/…</c>), <c>pareto.csv</c>,
/// <c>evaluated.csv</c> (every evaluated subnet) and <c>pareto.svg</c>. Every file is replaced atomically.
/// </summary>
public static class SearchOutputWriter
{
    public const string CsvHeader = "file,accuracy,fps,macs,eight_bit_weight_fraction,weight_bytes";

    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(string directory, SearchResult result, SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(space);
        var written = new List<string>();
        var pareto = new StringBuilder(CsvHeader + "\n");
        for (int i = 0; i < result.Pareto.Count; i++)
        {
            var file = string.Create(CultureInfo.InvariantCulture, $"pareto/pareto-{i:00}.subnet.yaml");
            written.Add(Save(directory, file, result.Pareto[i].Subnet, space));
            pareto.Append(Row(file, result.Pareto[i], space));
        }
        foreach (var target in result.Targets)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"targets/fps-{target.FpsTarget:0.#}");
            written.Add(Save(directory, name + ".best.subnet.yaml", target.Best.Subnet, space));
            if (target.BestUniform is { } uniform) written.Add(Save(directory, name + ".uniform.subnet.yaml", uniform.Subnet, space));
        }
        written.Add(Text(directory, "pareto.csv", pareto.ToString()));

        var evaluated = new StringBuilder("index," + CsvHeader.Replace("file,", "", StringComparison.Ordinal) + ",on_pareto\n");
        var front = result.Pareto.Select(c => c.Subnet).ToHashSet();
        for (int i = 0; i < result.Evaluated.Count; i++)
        {
            var c = result.Evaluated[i];
            evaluated.Append(CultureInfo.InvariantCulture, $"{i},{Numbers(c, space)},{(front.Contains(c.Subnet) ? 1 : 0)}\n");
        }
        written.Add(Text(directory, "evaluated.csv", evaluated.ToString()));
        written.Add(Text(directory, "pareto.svg", ParetoPlot.Svg(result, $"'{space.Name}': accuracy against FPS ({result.Evaluations} subnets evaluated)")));
        return written;
    }

    private static string Row(string file, Candidate c, SearchSpace space) => $"{file},{Numbers(c, space)}\n";

    private static string Numbers(Candidate c, SearchSpace space) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Accuracy:R},{c.Fps:R},{c.Subnet.Macs(space)},{c.Subnet.EightBitWeightFraction(space):R},{c.Subnet.WeightBytes(space)}");

    private static string Save(string directory, string file, Subnet subnet, SearchSpace space)
    {
        var path = Path.Combine(directory, file);
        ConfigWriter.Save(path, subnet, space);
        return path;
    }

    private static string Text(string directory, string file, string text)
    {
        var path = Path.Combine(directory, file);
        AtomicFile.WriteAllText(path, text);
        return path;
    }
}
