using System.Xml.Linq;

namespace Quasar.HwGen.Tests.Architecture;

/// <summary>The allowed references between projects (docs/architecture.md); every edge not listed fails.</summary>
[TestFixture]
public sealed class ProjectDependencyTests
{
    private static readonly Dictionary<string, string[]> AllowedProjects = new()
    {
        ["Quasar.HwGen.Core"] = [],
        ["Quasar.HwGen.Training"] = ["Quasar.HwGen.Core"],
        ["Quasar.HwGen.Hardware"] = ["Quasar.HwGen.Core"],
        ["Quasar.HwGen.Search"] = ["Quasar.HwGen.Core", "Quasar.HwGen.Hardware"],
        ["Quasar.HwGen.Codegen"] = ["Quasar.HwGen.Core", "Quasar.HwGen.Hardware"],
        ["Quasar.HwGen.Vitis"] = ["Quasar.HwGen.Core", "Quasar.HwGen.Hardware"],
        ["Quasar.Runtime"] = ["Quasar.HwGen.Core"],
        ["Quasar.Runtime.Emulation"] = ["Quasar.Runtime", "Quasar.HwGen.Core"],
        ["Quasar.Runtime.Xrt"] = ["Quasar.Runtime", "Quasar.HwGen.Core"],
        // quasar-run, the board application: published self-contained for linux-arm64, so nothing that needs TorchSharp or the Cli.
        ["Quasar.Runtime.App"] = ["Quasar.Runtime", "Quasar.Runtime.Emulation", "Quasar.Runtime.Xrt", "Quasar.HwGen.Core"],
    };

    /// <summary>Packages a project may use; the Cli, which wires everything, is the only project exempt.</summary>
    private static readonly Dictionary<string, string[]> AllowedPackages = new()
    {
        ["Quasar.HwGen.Core"] = ["YamlDotNet"],
        ["Quasar.HwGen.Training"] = ["TorchSharp-cpu", "TorchSharp"], // TorchSharp alone in the tool package (docs/install.md)
        ["Quasar.HwGen.Hardware"] = [],
        ["Quasar.HwGen.Search"] = [],
        ["Quasar.HwGen.Codegen"] = ["Scriban.Signed"],
        ["Quasar.HwGen.Vitis"] = ["CliWrap"],
        ["Quasar.Runtime"] = [],
        ["Quasar.Runtime.Emulation"] = [],
        ["Quasar.Runtime.Xrt"] = [],
        ["Quasar.Runtime.App"] = ["System.CommandLine", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Hosting.Systemd", "StbImageSharp"],
    };

    private static IEnumerable<string> ProductProjects() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(TestPaths.Root, "host-runtime"), "*.csproj", SearchOption.AllDirectories))
            .Where(path => Path.GetFileNameWithoutExtension(path) != "Quasar.HwGen.Cli")
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(ProductProjects))]
    public void A_project_references_only_the_projects_its_layer_allows(string csproj)
    {
        var name = Path.GetFileNameWithoutExtension(csproj);
        Assert.That(AllowedProjects, Does.ContainKey(name), $"{name} is new: add its allowed references to this test");
        var transitive = TransitiveProjectReferences(csproj);
        Assert.That(transitive, Is.SubsetOf(AllowedProjects[name]), $"{name} references a project its layer must not use");
    }

    [TestCaseSource(nameof(ProductProjects))]
    public void A_project_uses_only_the_packages_its_layer_allows(string csproj)
    {
        var name = Path.GetFileNameWithoutExtension(csproj);
        var packages = Includes(csproj, "PackageReference").ToList();
        Assert.That(packages, Is.SubsetOf(AllowedPackages[name]), $"{name} uses a package its layer must not use");
    }

    [Test]
    public void The_checker_sees_a_forbidden_transitive_edge()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("Quasar.Runtime.csproj"),
            """<Project><ItemGroup><ProjectReference Include="Middle.csproj" /></ItemGroup></Project>""");
        File.WriteAllText(directory.File("Middle.csproj"),
            """<Project><ItemGroup><ProjectReference Include="Quasar.HwGen.Training.csproj" /></ItemGroup></Project>""");
        File.WriteAllText(directory.File("Quasar.HwGen.Training.csproj"), "<Project />");

        var transitive = TransitiveProjectReferences(directory.File("Quasar.Runtime.csproj"));

        Assert.That(transitive, Is.EquivalentTo(new[] { "Middle", "Quasar.HwGen.Training" }));
        Assert.That(transitive, Is.Not.SubsetOf(AllowedProjects["Quasar.Runtime"]));
    }

    private static HashSet<string> TransitiveProjectReferences(string csproj)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(csproj)]);
        while (pending.TryPop(out var current))
        {
            foreach (var include in Includes(current, "ProjectReference"))
            {
                var referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, include));
                if (seen.Add(Path.GetFileNameWithoutExtension(referenced))) pending.Push(referenced);
            }
        }
        return seen;
    }

    private static IEnumerable<string> Includes(string csproj, string itemName) =>
        XDocument.Load(csproj).Descendants(itemName).Select(e => (string?)e.Attribute("Include")).OfType<string>();
}
