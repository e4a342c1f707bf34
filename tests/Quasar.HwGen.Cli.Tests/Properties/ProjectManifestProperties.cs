using System.Text.RegularExpressions;
using CsCheck;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Properties;

/// <summary>
/// A generated project whose quasar-project.json was mutated (paths pointing outside, duplicates, broken JSON), then
/// regenerated with `quasar generate`: it succeeds or is refused cleanly, and files outside the project stay as they were.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ProjectManifestProperties
{
    private static readonly string[] HostilePaths = ["../outside.txt", "../../outside.txt", "src/../../outside.txt", "", ".", "..", "src", "../sibling/keep.txt", "{absolute}"];

    private BadInputs _inputs = null!;

    [OneTimeSetUp]
    public void MakeInputs() => _inputs = new BadInputs();

    [OneTimeTearDown]
    public void RemoveInputs() => _inputs.Dispose();

    [Test]
    public void A_mutated_project_manifest_never_costs_a_file_outside_the_project()
    {
        var original = _inputs.Project;
        var manifest = File.ReadAllText(Path.Combine(original, "quasar-project.json"));
        using var work = new WorkDirectory();
        var project = work.File("project");
        work.Write("outside.txt", "the user's\n");
        work.Write("sibling/keep.txt", "the user's too\n");
        Gen.OneOf(TextMutations.Many(manifest, 2), HostilePath(manifest, work.File("outside.txt"))).Sample(text =>
        {
            DirectoryCopy.Replace(original, project);
            File.WriteAllText(Path.Combine(project, "quasar-project.json"), text);
            var outside = Snapshots.Of(work.Path, except: project);
            string[] args = ["generate", "--package", _inputs.Package, "--out", project];
            CleanOutcome.Check(Shell.Run(TimeSpan.FromSeconds(120), args), $"{string.Join(' ', args)}\n--- quasar-project.json (mutated)");
            Assert.That(Snapshots.Of(work.Path, except: project), Is.EqualTo(outside), "generate touched a file outside the project");
        }, iter: PropertyRuns.Scaled(25), threads: 1, print: text => text);
    }

    /// <summary>One file entry's path replaced by a path that leaves the project, names a folder, or repeats.</summary>
    private static Gen<string> HostilePath(string manifest, string absolute)
    {
        var paths = PathEntry().Matches(manifest);
        return Gen.Select(Gen.Int[0, paths.Count - 1], Gen.Int[0, HostilePaths.Length - 1], (entry, hostile) =>
        {
            var match = paths[entry];
            var value = match.Groups["path"];
            return manifest[..value.Index] + HostilePaths[hostile].Replace("{absolute}", absolute, StringComparison.Ordinal) + manifest[(value.Index + value.Length)..];
        });
    }


    [GeneratedRegex("\"path\": \"(?<path>[^\"]*)\"")]
    private static partial Regex PathEntry();
}
