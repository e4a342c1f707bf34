using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs.RunReport;

/// <summary>
/// The page the demo wrote says what its run directory says: every number on it is run.json's, run.json's search
/// points are the search's own CSV files, the files a step says it wrote exist, and `quasar report &lt;run dir&gt;`
/// rebuilds the same page. Every expected value here is read from the run directory.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("NeedsGpp")]
public sealed class RunReportNumbersTests
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    private static string Run => DemoRunDirectory.Path;

    private static RunPageDocument Document() => new(Run, Path.Combine(Run, "report.html"));

    [Test]
    public void Each_chosen_subnet_s_row_shows_run_json_s_numbers()
    {
        using var page = Document();
        var subnets = page.Root.GetProperty("subnets").EnumerateArray().ToList();
        Assert.That(subnets, Is.Not.Empty);
        foreach (var subnet in subnets)
        {
            var row = page.Row("data-subnet", subnet.GetProperty("name").GetString()!);
            foreach (var (field, cell) in row)
            {
                double expected = subnet.GetProperty(field).GetDouble();
                Assert.That(double.Parse((string)cell.Attribute("data-value")!, Ci), Is.EqualTo(expected), field);
                AssertShown(cell.Value, expected, field);
            }
            Assert.That(row.Keys, Is.SupersetOf(new[] { "target_fps", "estimated_fps", "latency_ms", "validation_accuracy", "fake_quant_accuracy", "integer_accuracy" }));
        }
    }

    [Test]
    public void The_resources_table_shows_run_json_s_resources()
    {
        using var page = Document();
        var resources = page.Root.GetProperty("resources").EnumerateArray().ToList();
        Assert.That(resources, Is.Not.Empty);
        foreach (var resource in resources)
        {
            var row = page.Row("data-resource", resource.GetProperty("kind").GetString()!);
            foreach (var field in new[] { "used", "budget", "device" })
                Assert.That(double.Parse((string)row[field].Attribute("data-value")!, Ci), Is.EqualTo(resource.GetProperty(field).GetDouble()), field);
            Assert.That(double.Parse((string)row["share"].Attribute("data-value")!, Ci),
                Is.EqualTo(resource.GetProperty("used").GetDouble() / resource.GetProperty("device").GetDouble()));
        }
    }

    [Test]
    public void The_search_points_are_the_search_s_own_csv_files_and_the_plot_draws_each()
    {
        using var page = Document();
        var evaluated = Csv(Path.Combine(Run, "search", "evaluated.csv"));
        var pareto = Csv(Path.Combine(Run, "search", "pareto.csv"));

        Assert.That(Points(page.Root.GetProperty("evaluated")), Is.EqualTo(evaluated));
        Assert.That(Points(page.Root.GetProperty("pareto")), Is.EqualTo(pareto));
        var plot = page.Html.Descendants("svg").First();
        Assert.That(plot.Descendants("circle").Count(c => (string?)c.Attribute("class") == "evaluated"), Is.EqualTo(evaluated.Count));
        var line = plot.Descendants("polyline").Single(p => (string?)p.Attribute("class") == "pareto");
        Assert.That(((string)line.Attribute("points")!).Split(' '), Has.Length.EqualTo(pareto.Count));
        foreach (var subnet in page.Root.GetProperty("subnets").EnumerateArray())
        {
            Assert.That(evaluated, Does.Contain((subnet.GetProperty("validation_accuracy").GetDouble(), subnet.GetProperty("search_fps").GetDouble())),
                "a chosen subnet is one the search evaluated");
            double fps = subnet.GetProperty("search_fps").GetDouble();
            Assert.That(subnet.GetProperty("estimated_fps").GetDouble(), Is.EqualTo(fps).Within(1e-9 * fps), "the per-op estimate is the search's model");
        }
    }

    [Test]
    public void The_latency_breakdowns_add_up_to_the_frame_and_each_backend_ran_what_it_claims()
    {
        using var page = Document();
        foreach (var subnet in page.Root.GetProperty("subnets").EnumerateArray())
        {
            double frame = subnet.GetProperty("latency_ms").GetDouble();
            foreach (var breakdown in new[] { "by_op_kind", "by_layer" })
                Assert.That(subnet.GetProperty(breakdown).EnumerateArray().Sum(l => l.GetProperty("milliseconds").GetDouble()), Is.EqualTo(frame).Within(1e-9 * frame), breakdown);
            var project = Path.Combine(Run, subnet.GetProperty("project").GetString()!);
            var backends = subnet.GetProperty("backends").EnumerateArray().ToDictionary(b => b.GetProperty("backend").GetString()!, b => b.GetProperty("status").GetString()!);
            if (backends["sw-emu"] == "bit-exact")
                Assert.That(Directory.GetFiles(Path.Combine(project, "sw_emu"), "*.xclbin", SearchOption.AllDirectories), Is.Not.Empty);
            Assert.That(File.Exists(Path.Combine(project, "quasar-project.json")), $"{project} is a generated project");
        }
    }

    [Test]
    public void Every_file_a_step_says_it_wrote_exists_and_every_step_has_a_quasar_command()
    {
        using var page = Document();
        var steps = page.Root.GetProperty("steps").EnumerateArray().ToList();
        Assert.That(steps, Is.Not.Empty);
        var commands = page.Html.Descendants("table").Single(t => (string?)t.Attribute("id") == "steps").Descendants("code").Select(c => c.Value).ToList();
        Assert.That(commands, Is.EqualTo(steps.Select(s => s.GetProperty("command").GetString())));
        foreach (var step in steps)
        {
            Assert.That(step.GetProperty("command").GetString(), Does.StartWith("quasar "));
            Assert.That(step.GetProperty("ended").GetDateTimeOffset(), Is.GreaterThanOrEqualTo(step.GetProperty("started").GetDateTimeOffset()));
            foreach (var wrote in step.GetProperty("wrote").EnumerateArray())
                Assert.That(Path.Exists(Path.Combine(Run, wrote.GetString()!)), wrote.GetString());
        }
    }

    [Test]
    public void Quasar_report_on_the_run_directory_rebuilds_the_same_page_and_prints_the_demo_s_summary()
    {
        using var work = new WorkDirectory();
        var page = work.File("again.html");

        var run = Shell.Run("report", Run, "--html", page);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(File.ReadAllText(page), Is.EqualTo(File.ReadAllText(Path.Combine(Run, "report.html"))));
        var summary = run.Out[..run.Out.IndexOf("wrote ", StringComparison.Ordinal)];
        Assert.That(DemoRunDirectory.Output, Does.Contain(summary));
    }

    private static List<(double Accuracy, double Fps)> Points(JsonElement points) =>
        [.. points.EnumerateArray().Select(p => (p.GetProperty("accuracy").GetDouble(), p.GetProperty("fps").GetDouble()))];

    /// <summary>(accuracy, fps) of each row of a search CSV, by its header's column names.</summary>
    private static List<(double Accuracy, double Fps)> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').ToList();
        int accuracy = header.IndexOf("accuracy"), fps = header.IndexOf("fps");
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Select(c => (double.Parse(c[accuracy], Ci), double.Parse(c[fps], Ci)))];
    }

    /// <summary>The text shown rounds <paramref name="expected"/> to the digits it shows (a percent when it ends in %).</summary>
    private static void AssertShown(string shown, double expected, string field)
    {
        bool percent = shown.EndsWith('%');
        var digits = shown.TrimEnd('%').Replace(",", "", StringComparison.Ordinal);
        double value = double.Parse(digits, Ci) / (percent ? 100 : 1);
        int decimals = digits.Contains('.', StringComparison.Ordinal) ? digits.Length - digits.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        double half = 0.5 * Math.Pow(10, -decimals) / (percent ? 100 : 1);
        Assert.That(value, Is.EqualTo(expected).Within(half * (1 + 1e-9)), $"{field}: shown '{shown}'");
    }
}
