using Quasar.HwGen.Core.Data;
using Quasar.Runtime.App;

namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>
/// `quasar-run --images` through its entry point: Fashion-MNIST test images written as PGM and PNG files into class
/// subfolders give the logits and the accuracy of the same images read from IDX, bit for bit; each kind of bad image
/// folder is one `error:` line naming the file and the fix.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class QuasarRunImageFolderTests
{
    private const int Images = 12;
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);
    private TemporaryDirectory _work = null!;
    private LabeledImages _test = null!;

    [OneTimeSetUp]
    public void WriteFolders()
    {
        _work = new TemporaryDirectory();
        _paths["package"] = RuntimeAppPackages.FashionMnistLargest(_work.Path);
        _test = FashionMnist.LoadTest(TestPaths.SampleData).Take(Images);
        IdxDataset.Save(_test, _paths["idx"] = _work.File("images-idx3-ubyte"), _paths["labels"] = _work.File("labels-idx1-ubyte"));
        _paths["classes"] = _work.File("classes");
        for (int i = 0; i < Images; i++)
        {
            // Names sort in image order within a class: the folder's order is label, then file name.
            var folder = Directory.CreateDirectory(Path.Combine(_paths["classes"], _test.Labels[i].ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
            var name = Path.Combine(folder, $"image-{i:D3}");
            if (i % 2 == 0) TestImages.WriteAnymap(name + ".pgm", 28, 28, 1, _test.Image(i));
            else TestImages.WritePng(name + ".png", 28, 28, 1, _test.Image(i));
        }
        _paths["flat"] = Folder("flat", ("a.pgm", 28, 1, 8), ("notes.txt", 0, 0, 0));
        _paths["wrong-size"] = Folder("wrong-size", ("small.pgm", 27, 1, 8));
        _paths["rgb"] = Folder("rgb", ("colour.ppm", 28, 3, 8));
        _paths["rgba"] = Folder("rgba", ("alpha.png", 28, 4, 8));
        _paths["deep"] = Folder("deep", ("deep.png", 28, 1, 16));
        _paths["empty"] = Folder("empty", ("readme.txt", 0, 0, 0));
        _paths["mixed"] = Folder("mixed", ("loose.pgm", 28, 1, 8));
        Directory.CreateDirectory(Path.Combine(_paths["mixed"], "3"));
        _paths["named"] = Folder("named");
        Directory.CreateDirectory(Path.Combine(_paths["named"], "shirts"));
        _paths["corrupt"] = Folder("corrupt", ("broken.png", 28, 1, 8));
        var broken = Path.Combine(_paths["corrupt"], "broken.png");
        File.WriteAllBytes(broken, File.ReadAllBytes(broken)[..60]);
        _paths["missing"] = _work.File("no such folder");
    }

    [OneTimeTearDown]
    public void Remove() => _work.Dispose();

    [Test]
    public void Class_subfolders_of_PGM_and_PNG_files_give_the_logits_and_accuracy_of_the_IDX_images()
    {
        string fromIdx = _work.File("idx.logits"), fromFolder = _work.File("folder.logits");
        var idx = QuasarRunConsole.Run("--package", _paths["package"], "--idx", _paths["idx"], "--labels", _paths["labels"], "--logits", fromIdx);
        var folder = QuasarRunConsole.Run("--package", _paths["package"], "--images", _paths["classes"], "--logits", fromFolder);

        Assert.That((idx.ExitCode, folder.ExitCode), Is.EqualTo((0, 0)), $"{idx}\n{folder}");
        // The folder runs by label, then by name: the IDX run's logits in that order.
        int[] order = [.. Enumerable.Range(0, Images).OrderBy(i => _test.Labels[i]).ThenBy(i => i)];
        var expected = LogitsFile.Read(fromIdx).Chunk(10).ToArray();
        Assert.That(LogitsFile.Read(fromFolder), Is.EqualTo(order.SelectMany(i => expected[i]).ToArray()));
        var accuracy = System.Text.RegularExpressions.Regex.Match(idx.Out, @"top-1 [\d.]+% \(\d+/\d+\)").Value;
        Assert.That(folder.Out, Does.Contain($"on {Images} images of {_paths["classes"]}, {accuracy}"));
    }

    [Test]
    public void A_flat_folder_runs_without_labels_and_ignores_other_files()
    {
        var run = QuasarRunConsole.Run("--package", _paths["package"], "--images", _paths["flat"]);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain($"on 1 image of {_paths["flat"]}, ").And.Not.Contain("top-1"));
    }

    [Test]
    public void Count_takes_the_first_images_in_run_order()
    {
        var run = QuasarRunConsole.Run("--package", _paths["package"], "--images", _paths["classes"], "--count", "5");

        Assert.That(run.Out, Does.Contain("on 5 images of"), run.ToString());
    }

    /// <summary>What is wrong, arguments ({names} are paths), exit code, what the error line says.</summary>
    private static readonly object[][] Errors =
    [
        ["the folder does not exist", "--images {missing}", 3, "--images {missing}: folder not found; give a folder of PNG/PGM/PPM images"],
        ["no image in the folder", "--images {empty}", 3, "{empty}: holds no PNG, PGM or PPM image"],
        ["an image of another size", "--images {wrong-size}", 3, "{wrong-size}/small.pgm: is 27x27, the model 'fashion-mnist' takes 28x28; resize the images to 28x28"],
        ["RGB for a grey model", "--images {rgb}", 3, "{rgb}/colour.ppm: has RGB pixels, the model 'fashion-mnist' takes 8-bit grey; convert it"],
        ["RGBA for a grey model", "--images {rgba}", 3, "{rgba}/alpha.png: has RGBA pixels"],
        ["16-bit samples", "--images {deep}", 3, "{deep}/deep.png: 16-bit samples; the model takes 8-bit pixels"],
        ["images beside class folders", "--images {mixed}", 3, "{mixed}: holds both images (loose.pgm) and subfolders (3)"],
        ["a subfolder that is no class", "--images {named}", 3, "{named}/shirts: a subfolder of an image folder is a class, named by its index 0..255"],
        ["a truncated PNG", "--images {corrupt}", 3, "{corrupt}/broken.png: "],
        ["more images asked than there are", "--images {classes} --count 13", 2, "--count 13: {classes} holds 12 images; give --count 12 or less"],
        ["labels for a folder", "--images {classes} --labels {labels}", 2, "--labels needs --idx"],
    ];

    [TestCaseSource(nameof(Errors))]
    public void A_bad_image_folder_is_one_error_line_naming_the_file(string what, string args, int exitCode, string message)
    {
        var run = QuasarRunConsole.Run(["--package", _paths["package"], .. args.Split(' ').Select(Resolve)]);

        Assert.That(run.ExitCode, Is.EqualTo(exitCode), $"{what}\n{run}");
        Assert.That(run.ErrorLines[0], Does.StartWith("error: ").And.Contain(Resolve(message)), run.ToString());
        Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
        Assert.That(run.Out, Is.Empty);
    }

    /// <summary>A folder with files (name, size, channels, bits; size 0 writes a text file).</summary>
    private string Folder(string name, params (string File, int Size, int Channels, int Bits)[] files)
    {
        var folder = Directory.CreateDirectory(_work.File(name)).FullName;
        foreach (var (file, size, channels, bits) in files)
        {
            var path = Path.Combine(folder, file);
            var samples = new byte[size * size * channels];
            new Random(size + channels).NextBytes(samples);
            if (size == 0) File.WriteAllText(path, "not an image\n");
            else if (file.EndsWith(".png", StringComparison.Ordinal)) TestImages.WritePng(path, size, size, channels, samples, bits);
            else TestImages.WriteAnymap(path, size, size, channels, samples);
        }
        return folder;
    }

    private string Resolve(string text)
    {
        foreach (var (name, path) in _paths) text = text.Replace($"{{{name}}}", path, StringComparison.Ordinal);
        return text;
    }
}
