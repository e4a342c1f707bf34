using System.Text;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Tests.IO;

/// <summary>What BoundedFile accepts: regular files (also through a symbolic link) up to the cap, text with or without a BOM.</summary>
[TestFixture]
public sealed class BoundedFileTests
{
    private TemporaryDirectory _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = new TemporaryDirectory();

    [TearDown]
    public void DeleteDirectory() => _directory.Dispose();

    [Test]
    public void A_file_of_exactly_the_cap_is_read_whole()
    {
        var path = _directory.File("exact.bin");
        File.WriteAllBytes(path, new byte[4096]);

        Assert.That(BoundedFile.ReadAllBytes(path, 4096), Has.Length.EqualTo(4096));
        Assert.Throws<IOException>(() => BoundedFile.ReadAllBytes(path, 4095));
    }

    [Test]
    public void A_symbolic_link_to_a_regular_file_is_followed()
    {
        var target = _directory.File("target.yaml");
        File.WriteAllText(target, "name: x\n");
        var link = _directory.File("link.yaml");
        File.CreateSymbolicLink(link, target);

        Assert.That(BoundedFile.ReadAllText(link, BoundedFile.ConfigCap), Is.EqualTo("name: x\n"));
    }

    [Test]
    public void A_byte_order_mark_is_honoured_as_File_ReadAllText_did()
    {
        var path = _directory.File("bom.yaml");
        File.WriteAllText(path, "name: é\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.That(BoundedFile.ReadAllText(path, BoundedFile.ConfigCap), Is.EqualTo("name: é\n"));
    }

    [Test]
    public void A_missing_file_and_a_directory_are_refused_by_name()
    {
        var missing = _directory.File("nope.json");

        Assert.That(Assert.Throws<FileNotFoundException>(() => BoundedFile.ReadAllBytes(missing, 10))!.Message, Is.EqualTo($"{missing}: file not found"));
        Assert.That(Assert.Throws<IOException>(() => BoundedFile.ReadAllBytes(_directory.Path, 10))!.Message,
            Is.EqualTo($"{_directory.Path}: is a directory, not a regular file; give the path of a file"));
    }
}
