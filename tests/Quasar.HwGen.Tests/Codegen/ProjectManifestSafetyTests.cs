using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Core.Ir.Package;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>
/// Regeneration deletes files an old quasar-project.json lists and no longer generates; a manifest that lists a path
/// outside the project (../../x, /abs/x, through a symbolic link), or breaks its schema, must never get that far.
/// </summary>
[TestFixture]
public sealed class ProjectManifestSafetyTests
{
    private TemporaryDirectory _directory = null!;
    private LoadedPackage _package = null!;
    private TemporaryDirectory _output = null!;

    [OneTimeSetUp]
    public void WritePackage()
    {
        _directory = new TemporaryDirectory();
        var path = _directory.File("package");
        IrPackage.Write(path, CodegenFixtures.SmallGraph);
        _package = LoadedPackage.Read(path);
    }

    [OneTimeTearDown]
    public void DeletePackage() => _directory.Dispose();

    [SetUp]
    public void GenerateProject()
    {
        _output = new TemporaryDirectory();
        Generate(force: false);
    }

    [TearDown]
    public void DeleteOutput() => _output.Dispose();

    /// <summary>Two levels down, so that ../../x is a file of the output folder.</summary>
    private string Project => Path.Combine(_output.Path, "a", "project");

    private string ManifestPath => Path.Combine(Project, ProjectManifest.FileName);

    private void Generate(bool force) =>
        new ProjectGenerator(CodegenFixtures.SourcesWithStubHeaders()).Generate(
            new GenerateRequest(_package, Project, CodegenFixtures.Zcu102, CodegenFixtures.FashionMnist, new EngineSizingOptions(), CodegenFixtures.GoldenImages(1), force));

    /// <summary>A file of the user's outside the project, and a manifest entry that names it with its exact size and hash,
    /// so that an unconfined regeneration takes it for an unedited stale file and deletes it.</summary>
    private string Victim(string name, string entryPath)
    {
        var path = Path.IsPathRooted(entryPath) ? entryPath : Path.GetFullPath(Path.Combine(Project, entryPath));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"the user's {name}");
        EditManifest(m => m["files"]!.AsArray().Add(Entry(entryPath, File.ReadAllBytes(path))));
        return path;
    }

    private static JsonObject Entry(string path, byte[] content) => new()
    {
        ["path"] = path,
        ["bytes"] = content.Length,
        ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)),
    };

    private void EditManifest(Action<JsonObject> edit)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(ManifestPath))!.AsObject();
        edit(manifest);
        File.WriteAllText(ManifestPath, manifest.ToJsonString());
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(_output.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_output.Path, f), File.ReadAllText, StringComparer.Ordinal);

    private string RefusedBeforeAnythingIsWritten<TException>(bool force)
        where TException : Exception
    {
        var before = Snapshot();

        var error = Assert.Throws<TException>(() => Generate(force))!;

        Assert.That(Snapshot(), Is.EqualTo(before));
        Assert.That(error.Message, Does.Not.Contain("\n"));
        return error.Message;
    }

    [Test]
    public void Entries_leading_out_of_the_project_are_refused_and_the_files_they_name_are_kept()
    {
        var relative = Victim("thesis", "../../thesis.tex");
        var absolute = Victim("photo", Path.Combine(_output.Path, "elsewhere", "photo.jpg"));

        var message = RefusedBeforeAnythingIsWritten<InvalidDataException>(force: false);

        Assert.That(message, Does.StartWith($"{ManifestPath}: files[12].path '../../thesis.tex' is not a plain relative path inside the project"));
        Assert.That(File.ReadAllText(relative), Is.EqualTo("the user's thesis"));
        Assert.That(File.ReadAllText(absolute), Is.EqualTo("the user's photo"));
    }

    [Test]
    public void With_force_the_bad_manifest_is_ignored_and_the_files_it_names_outside_are_kept()
    {
        var relative = Victim("thesis", "../../thesis.tex");
        var absolute = Victim("photo", Path.Combine(_output.Path, "elsewhere", "photo.jpg"));

        Generate(force: true);

        Assert.That(File.ReadAllText(relative), Is.EqualTo("the user's thesis"));
        Assert.That(File.ReadAllText(absolute), Is.EqualTo("the user's photo"));
        Assert.That(ProjectManifest.Read(ManifestPath).Files, Has.Count.EqualTo(12));
    }

    [Test]
    public void An_entry_through_a_symbolic_link_out_of_the_project_is_refused_even_with_force()
    {
        var outside = Path.Combine(_output.Path, "outside");
        Directory.CreateDirectory(outside);
        Directory.CreateSymbolicLink(Path.Combine(Project, "shared"), outside);
        File.WriteAllText(Path.Combine(outside, "data.bin"), "the user's data");
        EditManifest(m => m["files"]!.AsArray().Add(Entry("shared/data.bin", File.ReadAllBytes(Path.Combine(outside, "data.bin")))));

        var message = RefusedBeforeAnythingIsWritten<CodegenException>(force: true);

        Assert.That(message, Does.StartWith($"{ManifestPath}: the listed file 'shared/data.bin' leads outside the project").And.Contain($"symbolic link shared -> {outside}"));
        Assert.That(File.ReadAllText(Path.Combine(outside, "data.bin")), Is.EqualTo("the user's data"));
    }

    [Test]
    public void A_generated_file_is_never_written_through_a_symbolic_link_out_of_the_project()
    {
        var moved = Path.Combine(_output.Path, "my-testbenches");
        Directory.Move(Path.Combine(Project, "tb"), moved);
        Directory.CreateSymbolicLink(Path.Combine(Project, "tb"), moved);

        var message = RefusedBeforeAnythingIsWritten<CodegenException>(force: true);

        Assert.That(message, Does.StartWith("the generated file 'tb/").And.Contain("symbolic link tb -> "));
    }

    /// <summary>Found by the property test of the Cli (seed 4Zk4-KEAaAA1): a NUL in a path was an internal error.</summary>
    [Test]
    public void A_control_character_in_a_path_is_refused_naming_it()
    {
        EditManifest(m => m["files"]![0]!["path"] = "src/quasar\u0000gemm.cpp");

        var message = RefusedBeforeAnythingIsWritten<InvalidDataException>(force: false);

        Assert.That(message, Does.StartWith($"{ManifestPath}: files[0].path 'src/quasar\\u0000gemm.cpp' is not a plain relative path inside the project"));
    }

    [Test]
    public void A_duplicate_entry_is_refused_naming_the_manifest_and_the_entry()
    {
        EditManifest(m => m["files"]!.AsArray().Add(m["files"]![0]!.DeepClone()));

        var message = RefusedBeforeAnythingIsWritten<InvalidDataException>(force: false);

        Assert.That(message, Does.StartWith($"{ManifestPath}: files[12].path lists '").And.Contain("a second time"));
    }

    [Test]
    public void An_entry_without_its_checksum_is_refused_naming_the_field()
    {
        EditManifest(m => m["files"]![0]!.AsObject().Remove("sha256"));

        var message = RefusedBeforeAnythingIsWritten<InvalidDataException>(force: false);

        Assert.That(message, Does.StartWith(ManifestPath).And.Contain("'sha256'"));
    }

    [Test]
    public void A_field_of_the_wrong_type_is_refused_naming_it()
    {
        EditManifest(m => m["golden_images"] = "two");

        var message = RefusedBeforeAnythingIsWritten<InvalidDataException>(force: false);

        Assert.That(message, Does.StartWith(ManifestPath).And.Contain("$.golden_images"));
    }

    [Test]
    public void A_null_file_list_is_refused_naming_the_field()
    {
        EditManifest(m => m["files"] = null);

        var message = RefusedBeforeAnythingIsWritten<InvalidDataException>(force: false);

        Assert.That(message, Does.StartWith(ManifestPath).And.Contain("files"));
    }

    [Test]
    [Platform("Linux")]
    public void A_fifo_where_a_generated_file_was_is_refused_without_waiting_for_a_writer()
    {
        var makefile = Path.Combine(Project, "Makefile");
        File.Delete(makefile);
        Fifo.Create(makefile);

        var error = Fifo.ThrownWithin(TimeSpan.FromSeconds(10), () => Generate(force: true), makefile);

        Assert.That(error, Is.InstanceOf<IOException>());
        Assert.That(error!.Message, Is.EqualTo($"{makefile}: is a FIFO (named pipe), not a regular file; give the path of a file"));
    }
}
