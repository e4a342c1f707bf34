using Quasar.HwGen.Core.Ir.Package;

namespace Quasar.HwGen.Tests.Ir;

/// <summary>
/// Overwriting (`quasar lower --out DIR --force`) replaces only what lowering wrote: an IR package, or an empty
/// directory. A folder of the user's files is refused and left exactly as it was.
/// </summary>
[TestFixture]
public sealed class IrPackageOverwriteTests
{
    private TemporaryDirectory _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = new TemporaryDirectory();

    [TearDown]
    public void DeleteDirectory() => _directory.Dispose();

    private string Target => _directory.File("out");

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => File.Exists(f) ? File.ReadAllText(f) : "<dir>", StringComparer.Ordinal);

    private string RefusedAndIntact(string target)
    {
        var before = Snapshot(_directory.Path);

        var error = Assert.Throws<IOException>(() => IrPackage.Write(target, TinyGraphs.PatchLinear(), overwrite: true))!;

        Assert.That(Snapshot(_directory.Path), Is.EqualTo(before), "nothing was deleted, moved or added");
        Assert.That(error.Message, Does.StartWith(target).And.EndWith("choose an empty or new directory for the package"));
        Assert.That(error.Message, Does.Not.Contain("\n"));
        return error.Message;
    }

    [Test]
    public void A_folder_of_the_user_s_files_is_refused_and_kept()
    {
        Directory.CreateDirectory(Path.Combine(Target, "photos"));
        File.WriteAllText(Path.Combine(Target, "thesis.tex"), "years of work");
        File.WriteAllText(Path.Combine(Target, "photos", "cat.jpg"), "meow");

        var message = RefusedAndIntact(Target);

        Assert.That(message, Does.Contain("'photos', 'thesis.tex' and no manifest.json"));
    }

    [Test]
    public void A_package_with_a_file_of_the_user_s_beside_it_is_refused_and_kept()
    {
        IrPackage.Write(Target, TinyGraphs.PatchLinear());
        File.WriteAllText(Path.Combine(Target, "notes.txt"), "mine");

        var message = RefusedAndIntact(Target);

        Assert.That(message, Does.Contain("also holds 'notes.txt', which the package does not list"));
    }

    [Test]
    public void A_folder_with_a_manifest_of_something_else_is_refused_and_kept()
    {
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, IrPackage.ManifestFile), """{"name": "my-web-app", "version": "1.0.0"}""");
        File.WriteAllText(Path.Combine(Target, "index.js"), "console.log(1)");

        var message = RefusedAndIntact(Target);

        Assert.That(message, Does.Contain("its manifest.json is not an IR package manifest"));
    }

    [Test]
    public void A_package_whose_listed_file_is_a_directory_is_refused_and_kept()
    {
        IrPackage.Write(Target, TinyGraphs.PatchLinear());
        File.Delete(Path.Combine(Target, IrPackage.WeightsFile));
        Directory.CreateDirectory(Path.Combine(Target, IrPackage.WeightsFile));
        File.WriteAllText(Path.Combine(Target, IrPackage.WeightsFile, "mine.txt"), "mine");

        RefusedAndIntact(Target);
    }

    [Test]
    public void An_empty_directory_is_replaced_by_the_package()
    {
        Directory.CreateDirectory(Target);

        IrPackage.Write(Target, TinyGraphs.PatchLinear(), overwrite: true);

        Assert.That(IrPackage.Read(Target).Name, Is.EqualTo("tiny"));
        Assert.That(Directory.GetFileSystemEntries(_directory.Path), Is.EqualTo(new[] { Target }));
    }

    [Test]
    public void A_package_of_another_format_version_is_still_replaced()
    {
        IrPackage.Write(Target, TinyGraphs.PatchLinear());
        var manifest = Path.Combine(Target, IrPackage.ManifestFile);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"version\": 1", "\"version\": 0", StringComparison.Ordinal));

        IrPackage.Write(Target, TinyGraphs.PatchLinear() with { Name = "new" }, overwrite: true);

        Assert.That(IrPackage.Read(Target).Name, Is.EqualTo("new"));
    }
}
