using System.Security.Cryptography;
using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.HwGen.Hardware.Engine;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>
/// Generating and regenerating a project: the manifest, edited files refused and named, --force, unedited files
/// replaced, the user's own files kept, an interrupted write leaving the old project as it was, and the engine checks.
/// </summary>
[TestFixture]
public sealed class ProjectGeneratorTests
{
    private TemporaryDirectory _directory = null!;
    private LoadedPackage _package = null!;

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

    [Test]
    public void A_new_project_has_every_file_with_its_hash_in_the_manifest()
    {
        using var output = new TemporaryDirectory();
        var project = Path.Combine(output.Path, "project");
        var result = Generate(project);

        var manifest = ProjectManifest.Read(Path.Combine(project, ProjectManifest.FileName));
        Assert.That(manifest.Files.Select(f => f.Path), Is.EquivalentTo(new[]
        {
            "include/quasar/gemm_engine.h", "include/quasar/testbench.h", "include/quasar_engine_config.h", "src/quasar_gemm.cpp",
            "tb/quasar_tb.cpp", "scripts/run_hls.tcl", "hls_config.cfg", "vpp/zcu102.link.cfg", "vpp/quasar_gemm.engine", "Makefile", "README.md", "tb/golden/golden.qgv",
        }));
        foreach (var file in manifest.Files)
            Assert.That(Sha256(Path.Combine(project, file.Path)), Is.EqualTo(file.Sha256), file.Path);
        Assert.That(manifest.IrPackageSha256, Is.EqualTo(Sha256(Path.Combine(_package.Directory, IrPackage.ManifestFile))));
        Assert.That(manifest.Generator, Does.StartWith("quasar "));
        Assert.That(manifest.Platform.Part, Is.EqualTo("xczu9eg-ffvb1156-2-e"));
        Assert.That(manifest.Engine.MaxReduction, Is.EqualTo(result.Engine.Config.MaxReduction));
        Assert.That(result.Write.Created, Has.Count.EqualTo(manifest.Files.Count));
        Assert.That(Directory.EnumerateDirectories(output.Path, ".*"), Is.Empty, "no staging directory is left behind");
    }

    [Test]
    public void An_edited_file_is_refused_and_named_and_nothing_is_written()
    {
        using var output = new TemporaryDirectory();
        Generate(output.Path);
        File.AppendAllText(Path.Combine(output.Path, "Makefile"), "\n# my change\n");
        File.AppendAllText(Path.Combine(output.Path, "scripts", "run_hls.tcl"), "\n# my change\n");
        var before = Snapshot(output.Path);

        var error = Assert.Throws<CodegenException>(() => Generate(output.Path, images: 1));

        Assert.That(error!.Message, Does.Contain("Makefile (edited since it was generated)").And.Contain("scripts/run_hls.tcl (edited").And.Contain("--force"));
        Assert.That(error.Message, Does.Not.Contain("README.md"));
        Assert.That(Snapshot(output.Path), Is.EqualTo(before));
    }

    [Test]
    public void Force_overwrites_an_edited_file()
    {
        using var output = new TemporaryDirectory();
        Generate(output.Path);
        var makefile = Path.Combine(output.Path, "Makefile");
        var original = File.ReadAllText(makefile);
        File.AppendAllText(makefile, "\n# my change\n");

        var result = Generate(output.Path, force: true);

        Assert.That(File.ReadAllText(makefile), Is.EqualTo(original));
        Assert.That(result.Write.OverwrittenEdits, Is.EqualTo(new[] { "Makefile" }));
    }

    [Test]
    public void Unedited_files_are_regenerated_and_the_user_s_own_files_are_kept()
    {
        using var output = new TemporaryDirectory();
        Generate(output.Path, images: 1);
        var golden = Path.Combine(output.Path, "tb", "golden", "golden.qgv");
        var oneImage = File.ReadAllBytes(golden);
        File.WriteAllText(Path.Combine(output.Path, "notes.txt"), "mine");
        Directory.CreateDirectory(Path.Combine(output.Path, "prj", "solution1"));
        File.WriteAllText(Path.Combine(output.Path, "prj", "solution1", "csim.log"), "build output");

        var result = Generate(output.Path, images: 2);

        Assert.That(File.ReadAllBytes(golden), Has.Length.GreaterThan(oneImage.Length), "the golden vectors now hold two images");
        Assert.That(result.Write.Replaced, Does.Contain("tb/golden/golden.qgv").And.Contain("README.md"));
        Assert.That(result.Write.Unchanged, Does.Contain("Makefile").And.Not.Contain("tb/golden/golden.qgv"));
        Assert.That(File.ReadAllText(Path.Combine(output.Path, "notes.txt")), Is.EqualTo("mine"));
        Assert.That(File.ReadAllText(Path.Combine(output.Path, "prj", "solution1", "csim.log")), Is.EqualTo("build output"));
        var manifest = ProjectManifest.Read(Path.Combine(output.Path, ProjectManifest.FileName));
        Assert.That(manifest.Files.Select(f => f.Path), Does.Not.Contain("notes.txt"));
        Assert.That(manifest.GoldenImages, Is.EqualTo(2));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_folder_of_the_user_s_files_that_generation_would_overwrite_is_refused_even_with_force(bool force)
    {
        using var output = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(output.Path, "Makefile"), "all:\n\techo mine\n");
        File.WriteAllText(Path.Combine(output.Path, "README.md"), "my project");

        var error = Assert.Throws<CodegenException>(() => Generate(output.Path, force: force));

        Assert.That(error!.Message, Is.EqualTo(
            $"{output.Path} has 2 file(s) that generating would overwrite and that `quasar generate` did not write (Makefile, README.md), and no quasar-project.json: "
            + "--force replaces files only in a project `quasar generate` wrote; choose an empty or new directory for the project"));
        Assert.That(File.ReadAllText(Path.Combine(output.Path, "Makefile")), Is.EqualTo("all:\n\techo mine\n"));
        Assert.That(File.ReadAllText(Path.Combine(output.Path, "README.md")), Is.EqualTo("my project"));
        Assert.That(File.Exists(Path.Combine(output.Path, ProjectManifest.FileName)), Is.False);
    }

    [Test]
    public void A_file_the_last_generation_did_not_write_in_a_generated_project_is_refused_unless_forced()
    {
        using var output = new TemporaryDirectory();
        Generate(output.Path);
        var extra = Path.Combine(output.Path, "tb", "golden", "golden.qgv");
        File.WriteAllText(extra, "mine");
        var manifest = Path.Combine(output.Path, ProjectManifest.FileName);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("tb/golden/golden.qgv", "tb/golden/old.qgv", StringComparison.Ordinal));

        var error = Assert.Throws<CodegenException>(() => Generate(output.Path));
        Assert.That(error!.Message, Does.Contain("tb/golden/golden.qgv (exists but was not written by `quasar generate`)"));

        var result = Generate(output.Path, force: true);
        Assert.That(result.Write.OverwrittenEdits, Is.EqualTo(new[] { "tb/golden/golden.qgv" }));
    }

    [Test]
    public void An_interrupted_write_leaves_the_old_project_intact()
    {
        using var output = new TemporaryDirectory();
        Generate(output.Path, images: 1);
        File.WriteAllText(Path.Combine(output.Path, "notes.txt"), "mine");
        var before = Snapshot(output.Path);
        int moved = 0;
        var generator = new ProjectGenerator(CodegenFixtures.SourcesWithStubHeaders())
        {
            BeforeCommitFile = path =>
            {
                if (++moved == 5) throw new IOException($"disk full while moving {path}");
            },
        };

        Assert.Throws<IOException>(() => generator.Generate(Request(output.Path, images: 2, force: false)));

        Assert.That(moved, Is.EqualTo(5), "four files had been replaced when the write failed");
        Assert.That(Snapshot(output.Path), Is.EqualTo(before));
        Assert.That(Directory.EnumerateDirectories(output.Path, ".quasar-*"), Is.Empty);
    }

    [Test]
    public void A_failed_generation_leaves_no_new_project()
    {
        using var output = new TemporaryDirectory();
        var project = Path.Combine(output.Path, "project");

        Assert.Throws<CodegenException>(() => Generate(project, engine: new EngineSizingOptions(MaxReduction: 1)));

        Assert.That(Directory.EnumerateFileSystemEntries(output.Path), Is.Empty);
    }

    [Test]
    public void An_engine_whose_buffers_are_too_small_is_refused_naming_the_field_and_the_fix()
    {
        using var output = new TemporaryDirectory();
        var tooShort = Assert.Throws<CodegenException>(() => Generate(output.Path, engine: new EngineSizingOptions(MaxReduction: 20)));
        Assert.That(tooShort!.Message, Does.Contain("MAX_REDUCTION = 20").And.Contain("--max-reduction"));

        var tooFew = Assert.Throws<CodegenException>(() => Generate(output.Path, engine: new EngineSizingOptions(MaxRows: 5)));
        Assert.That(tooFew!.Message, Does.Contain("MAX_ROWS = 5").And.Contain("output rows of 'blocks.0.mlp.fc1'").And.Contain("--max-rows"));
        Assert.That(Directory.EnumerateFileSystemEntries(output.Path), Is.Empty);
    }

    [Test]
    public void A_design_that_does_not_fit_the_board_is_refused_naming_the_resource()
    {
        using var output = new TemporaryDirectory();
        // K ≤ 65,536 alone fills the input buffer (one copy: TM × 65,536 bytes); the 65,536-row tables take it over.
        var tooBig = new EngineSizingOptions(MaxReduction: EngineConfig.MaxReductionLimit, MaxRows: EngineConfig.MaxRowsLimit);
        var error = Assert.Throws<CodegenException>(() => Generate(output.Path, engine: tooBig));
        Assert.That(error!.Message, Does.Contain("does not fit the zcu102").And.Contain("BRAM_18K"));
    }

    [Test]
    public void An_engine_for_the_whole_space_serves_the_space_s_largest_gemms()
    {
        using var output = new TemporaryDirectory();
        var subnet = Generate(Path.Combine(output.Path, "subnet"));
        var space = Generate(Path.Combine(output.Path, "space"), engine: new EngineSizingOptions(EngineScope.Space));
        Assert.That(space.Engine.Config.MaxReduction, Is.GreaterThan(subnet.Engine.Config.MaxReduction));
        Assert.That(space.Engine.Sizing, Does.Contain("every subnet of the search space 'fashion-mnist'"));
    }

    [Test]
    public void Missing_engine_headers_are_named()
    {
        using var output = new TemporaryDirectory();
        var sources = new HlsSources("a checkout without headers", HlsSources.FromDirectory(CodegenFixtures.RepositoryTemplates).Templates, new Dictionary<string, byte[]>());
        var error = Assert.Throws<CodegenException>(() => new ProjectGenerator(sources).Generate(Request(output.Path, images: 1, force: false)));
        Assert.That(error!.Message, Does.Contain("gemm_engine.h, testbench.h").And.Contain("a checkout without headers"));
    }

    private GenerationResult Generate(string project, int images = 1, bool force = false, EngineSizingOptions? engine = null) =>
        new ProjectGenerator(CodegenFixtures.SourcesWithStubHeaders()).Generate(Request(project, images, force) with { Engine = engine ?? new EngineSizingOptions() });

    private GenerateRequest Request(string project, int images, bool force) =>
        new(_package, project, CodegenFixtures.Zcu102, CodegenFixtures.FashionMnist, new EngineSizingOptions(), CodegenFixtures.GoldenImages(images), force);

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), Sha256, StringComparer.Ordinal);

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
