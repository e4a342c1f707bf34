using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.Runtime.App;

namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>
/// `quasar-run` through its entry point: a run prints one summary line and writes the logits the emulation computes;
/// each kind of bad input gives one `error:` line naming the file or option, the exit code of its kind (2 usage,
/// 3 bad input, as `quasar`'s README table says), and never a stack trace.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class QuasarRunCliTests
{
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);
    private TemporaryDirectory _work = null!;

    [OneTimeSetUp]
    public void MakeInputs()
    {
        _work = new TemporaryDirectory();
        var test = FashionMnist.LoadTest(TestPaths.SampleData).Take(6);
        _paths["package"] = RuntimeAppPackages.FashionMnistLargest(_work.Path);
        _paths["missing"] = _work.File("no such package");
        _paths["corrupt"] = CorruptCopy(_paths["package"], _work.File("corrupt.qir"));
        IdxDataset.Save(test, _paths["images"] = _work.File("images-idx3-ubyte"), _paths["labels"] = _work.File("labels-idx1-ubyte"));
        IdxWriter.Write(_paths["five-labels"] = _work.File("five-labels-idx1-ubyte"), new IdxTensor(IdxElementType.UnsignedByte, [5], test.Labels[..5]));
        IdxWriter.Write(_paths["images-32"] = _work.File("images-32-idx3-ubyte"), new IdxTensor(IdxElementType.UnsignedByte, [3, 32, 32], new byte[3 * 32 * 32]));
        File.WriteAllText(_paths["text"] = _work.File("notes.txt"), "not an IDX file\n");
    }

    [OneTimeTearDown]
    public void RemoveInputs() => _work.Dispose();

    [Test]
    public void A_run_prints_a_summary_line_and_where_the_time_went_and_writes_the_logits_of_the_emulation()
    {
        var logits = _work.File("out/run.logits");
        var run = Run("--package {package} --idx {images} --labels {labels} --logits", logits);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var lines = run.Out.TrimEnd().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(3), run.ToString());
        Assert.That(lines[0], Does.Contain("on 6 images of").And.Contain("top-1").And.Contain("images/s").And.Contain("2 frames in flight"));
        Assert.That(lines[1], Does.Match(@"^busy time per frame: host ops \d+\.\d{3} ms, accelerator calls \d+\.\d{3} ms$"));
        Assert.That(lines[2], Does.Match(@"^peak resident memory: \d+\.\d MB$"));
        var graph = IrPackage.Read(_paths["package"]);
        var interpreter = new IrInterpreter(graph, new EmulatedEngine());
        var test = FashionMnist.LoadTest(TestPaths.SampleData);
        float[] expected = [.. Enumerable.Range(0, 6).SelectMany(i => interpreter.Run(test.Image(i)))];
        Assert.That(LogitsFile.Read(logits), Is.EqualTo(expected));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(logits)!), Is.EqualTo(new[] { logits }), "no temporary file is left");
    }

    [Test]
    public void Random_inputs_depend_on_the_seed_only()
    {
        string first = _work.File("seed7a.logits"), again = _work.File("seed7b.logits"), other = _work.File("seed8.logits");
        Assert.That(Run("--package {package} --random 2 --seed 7 --logits", first).ExitCode, Is.Zero);
        Assert.That(Run("--package {package} --random 2 --seed 7 --logits", again).ExitCode, Is.Zero);
        Assert.That(Run("--package {package} --random 2 --seed 8 --logits", other).ExitCode, Is.Zero);

        Assert.That(File.ReadAllBytes(again), Is.EqualTo(File.ReadAllBytes(first)));
        Assert.That(File.ReadAllBytes(other), Is.Not.EqualTo(File.ReadAllBytes(first)));
        Assert.That(new FileInfo(first).Length, Is.EqualTo(2 * 10 * sizeof(float)));
    }

    /// <summary>What is wrong, arguments ({names} are paths), exit code, what the error line says.</summary>
    private static readonly object[][] Errors =
    [
        ["images of another size than the model takes", "--package {package} --idx {images-32}", 3, "images are 1x32x32, the model 'fashion-mnist' takes 1x28x28; give --idx with images of that size"],
        ["the package does not exist", "--package {missing} --random 1", 3, "{missing}: IR package directory not found"],
        ["a byte of weights.bin flipped", "--package {corrupt} --random 1", 3, "weights.bin: SHA-256"],
        ["fewer labels than images", "--package {package} --idx {images} --labels {five-labels}", 3, "{five-labels}: has 5 labels but {images} has 6 images"],
        ["the IDX file does not exist", "--package {package} --idx {missing}", 3, "--idx {missing}: file not found"],
        ["the labels file does not exist", "--package {package} --idx {images} --labels {missing}", 3, "--labels {missing}: file not found"],
        ["the IDX file is no IDX file", "--package {package} --idx {text}", 3, "{text}"],
        ["no images named", "--package {package}", 2, "give the images: either --images <folder>, --idx <file> or --random <N>"],
        ["both kinds of images named", "--package {package} --idx {images} --random 2", 2, "give the images: either --images <folder>, --idx <file> or --random <N>"],
        ["no package", "--random 2", 2, "give the IR package: --package <dir> (or Run:Package in appsettings.json"],
        ["a count of 0", "--package {package} --idx {images} --count 0", 2, "--count 0: give a number of at least 1"],
        ["more images asked than the file holds", "--package {package} --idx {images} --count 7", 2, "--count 7: {images} holds 6 images; give --count 6 or less"],
        ["no random images", "--package {package} --random 0", 2, "--random 0: give a number of at least 1"],
        ["more random images than memory holds", "--package {package} --random 2000000000", 2, "--random 2000000000: 2000000000 images of 1x28x28 are 1568.0 GB, more than one run holds; give --random 2739137 or less"],
        ["a random count that is no number", "--package {package} --random many", 2, "many"],
        ["labels without --idx", "--package {package} --random 1 --labels {labels}", 2, "--labels needs --idx"],
        ["--count with --random", "--package {package} --random 1 --count 1", 2, "--count applies to --idx"],
        ["--seed without --random", "--package {package} --idx {images} --seed 3", 2, "--seed applies to --random only"],
        ["an unknown option", "--package {package} --random 1 --fast", 2, "Unrecognized command or argument '--fast'."],
    ];

    [TestCaseSource(nameof(Errors))]
    public void A_bad_input_is_one_error_line_with_the_exit_code_of_its_kind(string what, string args, int exitCode, string message)
    {
        var run = Run(args);

        Assert.That(run.ExitCode, Is.EqualTo(exitCode), $"{what}\n{run}");
        Assert.That(run.ErrorLines[0], Does.StartWith("error: ").And.Contain(Resolve(message)), run.ToString());
        Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
        Assert.That(run.Out, Is.Empty, "nothing on stdout when nothing ran");
    }

    [Test]
    public void The_exit_codes_are_those_of_the_quasar_command()
    {
        // README, "Errors and exit codes": the runtime's command must not give a code another meaning.
        Assert.That((ExitCodes.Success, ExitCodes.Usage, ExitCodes.BadInput, ExitCodes.Internal), Is.EqualTo((0, 2, 3, 70)));
    }

    private AppRun Run(string args, params string[] extra) =>
        QuasarRunConsole.Run([.. args.Split(' ').Select(Resolve), .. extra]);

    private string Resolve(string text)
    {
        foreach (var (name, path) in _paths) text = text.Replace($"{{{name}}}", path, StringComparison.Ordinal);
        return text;
    }

    private static string CorruptCopy(string package, string copy)
    {
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(package)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        var weights = Path.Combine(copy, IrPackage.WeightsFile);
        var bytes = File.ReadAllBytes(weights);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(weights, bytes);
        return copy;
    }
}
