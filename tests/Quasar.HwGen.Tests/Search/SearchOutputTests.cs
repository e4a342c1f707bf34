using System.Xml.Linq;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Search.Output;
using Quasar.HwGen.Search.Results;

namespace Quasar.HwGen.Tests.Search;

/// <summary>The files a search writes: subnet YAML that loads back, CSVs, and an SVG plot.</summary>
[TestFixture]
public sealed class SearchOutputTests
{
    private static readonly Lazy<SearchResult> Result = new(() => SearchSetup.Search().Run());

    [Test]
    public void The_pareto_subnets_load_back_in_fps_order_and_the_csv_lists_them()
    {
        using var directory = new TemporaryDirectory();
        var result = Result.Value;

        SearchOutputWriter.Write(directory.Path, result, SearchSetup.Space);

        for (int i = 0; i < result.Pareto.Count; i++)
        {
            var loaded = ConfigLoader.LoadSubnet(directory.File($"pareto/pareto-{i:00}.subnet.yaml"), SearchSetup.Space);
            Assert.That(loaded, Is.EqualTo(result.Pareto[i].Subnet));
        }
        var csv = File.ReadAllLines(directory.File("pareto.csv"));
        Assert.That(csv[0], Is.EqualTo(SearchOutputWriter.CsvHeader));
        Assert.That(csv, Has.Length.EqualTo(result.Pareto.Count + 1));
        Assert.That(csv[1], Does.StartWith("pareto/pareto-00.subnet.yaml,"));
        Assert.That(File.ReadAllLines(directory.File("evaluated.csv")), Has.Length.EqualTo(result.Evaluated.Count + 1));
    }

    [Test]
    public void Each_target_gets_its_best_and_its_best_uniform_subnet()
    {
        using var directory = new TemporaryDirectory();
        var result = Result.Value;

        SearchOutputWriter.Write(directory.Path, result, SearchSetup.Space);

        foreach (var target in result.Targets)
        {
            var best = ConfigLoader.LoadSubnet(directory.File($"targets/fps-{target.FpsTarget:0.#}.best.subnet.yaml"), SearchSetup.Space);
            var uniform = ConfigLoader.LoadSubnet(directory.File($"targets/fps-{target.FpsTarget:0.#}.uniform.subnet.yaml"), SearchSetup.Space);
            Assert.That(best, Is.EqualTo(target.Best.Subnet));
            Assert.That(uniform, Is.EqualTo(target.BestUniform!.Subnet));
            Assert.That(uniform.Layers.Distinct().Count(), Is.EqualTo(1), "uniform: the same choices in every layer");
        }
    }

    [Test]
    public void The_plot_is_well_formed_svg_with_a_line_per_target_and_a_point_per_subnet()
    {
        var result = Result.Value;

        var svg = XDocument.Parse(ParetoPlot.Svg(result, "test"));

        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.That(svg.Root!.Name, Is.EqualTo(ns + "svg"));
        Assert.That(svg.Descendants(ns + "line").Count(l => (string?)l.Attribute("stroke-dasharray") is not null), Is.EqualTo(result.Targets.Count));
        Assert.That(svg.Descendants(ns + "circle").Count(c => (string?)c.Attribute("fill") == "#999"), Is.EqualTo(result.Evaluated.Count));
    }

    [TestCase(0.0, 7.0, 0.0, 8.0, 2.0)]
    [TestCase(1234.0, 2980.0, 1000.0, 3000.0, 500.0)]
    [TestCase(70.1, 70.9, 70.0, 71.0, 0.2)]
    public void Axis_ranges_are_round(double min, double max, double low, double high, double step)
    {
        var (a, b, s) = ParetoPlot.NiceRange(min, max);

        Assert.That((a, b, s), Is.EqualTo((low, high, step)).Using<(double, double, double)>((x, y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-9 && Math.Abs(x.Item2 - y.Item2) < 1e-9 && Math.Abs(x.Item3 - y.Item3) < 1e-9));
    }
}
