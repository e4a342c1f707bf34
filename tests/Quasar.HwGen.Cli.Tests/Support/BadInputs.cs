using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Quasar.HwGen.Cli.Tests.Support;

/// <summary>
/// The files a verb's bad-input tests point it at, made once per fixture: missing, malformed and wrong-schema files of
/// every kind `quasar` reads, plus a valid IR package and HLS project to pair with one bad input at a time.
/// Test cases name them as {placeholders} so each case reads like the command line a user typed.
/// </summary>
internal sealed partial class BadInputs : IDisposable
{
    private readonly WorkDirectory _work = new();
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);

    public BadInputs()
    {
        _paths["missing"] = _work.File("no such file");
        _paths["out"] = _work.File("out");
        _paths["malformed.yaml"] = _work.Write("malformed.yaml", "name: [unclosed\n  image: {size: 28\n");
        _paths["wrong-schema.yaml"] = _work.Write("wrong-schema.yaml", "colour: blue\nsize: -3\n");
        _paths["garbage.json"] = _work.Write("garbage.json", "{ this is not json");
        _paths["a-file"] = _work.Write("a-file", "user data\n");
        _paths["empty-dir"] = Directory.CreateDirectory(_work.File("empty dir")).FullName;
        _paths["not-a-package"] = Directory.CreateDirectory(_work.File("not a package")).FullName;
        _work.Write("not a package/notes.txt", "mine\n");
        _paths["bad-package"] = Directory.CreateDirectory(_work.File("bad package")).FullName;
        _work.Write("bad package/manifest.json", "{}");
        _paths["bad-idx"] = BadIdx(_work.File("bad idx"));
    }

    /// <summary>A valid IR package of the smallest Fashion-MNIST subnet (random weights), made through `quasar lower`.</summary>
    public string Package => _paths.TryGetValue("package", out var path) ? path : _paths["package"] = MakePackage();

    /// <summary>A valid IR package of the QUASAR-S-like ImageNet subnet (3×224×224 input, random weights, one calibration image).</summary>
    public string ImageNetPackage => _paths.TryGetValue("imagenet-package", out var path) ? path : _paths["imagenet-package"] = MakeImageNetPackage();

    /// <summary><see cref="Package"/> with a manifest that claims the next format version (as a newer quasar would write it).</summary>
    public string NewerPackage => _paths.TryGetValue("newer-package", out var path) ? path : _paths["newer-package"] = MakeNewerPackage();

    /// <summary><see cref="Package"/> with one byte of weights.bin flipped after it was written; the manifest is untouched.</summary>
    public string TamperedPackage => _paths.TryGetValue("tampered-package", out var path) ? path : _paths["tampered-package"] = MakeTamperedPackage();

    /// <summary>A valid HLS project generated for <see cref="Package"/>, made through `quasar generate`.</summary>
    public string Project => _paths.TryGetValue("project", out var path) ? path : _paths["project"] = MakeProject();

    public string Path(string name) => _paths[name];

    /// <summary>The arguments with every {name} replaced by its path; packages and the project are made on first use.</summary>
    public string[] Resolve(IEnumerable<string> args) => [.. args.Select(arg => arg.StartsWith('{') && arg.EndsWith('}') ? PathOf(arg[1..^1]) : arg)];

    /// <summary>A message with every {name} in it replaced by its path, e.g. "{tampered-package}/weights.bin: ...".</summary>
    public string ResolveText(string text) => Placeholder().Replace(text, match => PathOf(match.Groups["name"].Value));

    private string PathOf(string name) => name switch
    {
        "package" => Package,
        "project" => Project,
        "imagenet-package" => ImageNetPackage,
        "newer-package" => NewerPackage,
        "tampered-package" => TamperedPackage,
        _ => _paths[name],
    };

    [GeneratedRegex("\\{(?<name>[a-z.-]+)\\}")]
    private static partial Regex Placeholder();

    public void Dispose() => _work.Dispose();

    private string MakePackage()
    {
        var path = _work.File("package");
        var run = Shell.Run("lower", "--subnet", "fashion-mnist.largest", "--out", path);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return path;
    }

    private string MakeImageNetPackage()
    {
        var path = _work.File("imagenet package");
        var run = Shell.Run("lower", "--subnet", "quasar-s-like", "--count", "1", "--out", path);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return path;
    }

    private string MakeNewerPackage()
    {
        var path = _work.File("newer package");
        DirectoryCopy.Replace(Package, path);
        var manifest = System.IO.Path.Combine(path, "manifest.json");
        var text = File.ReadAllText(manifest);
        Assert.That(text, Does.Contain("\"version\": 1,"), "the fixture bumps format version 1 to 2");
        File.WriteAllText(manifest, text.Replace("\"version\": 1,", "\"version\": 2,", StringComparison.Ordinal));
        return path;
    }

    private string MakeTamperedPackage()
    {
        var path = _work.File("tampered package");
        DirectoryCopy.Replace(Package, path);
        var weights = System.IO.Path.Combine(path, "weights.bin");
        var bytes = File.ReadAllBytes(weights);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(weights, bytes);
        return path;
    }

    private string MakeProject()
    {
        var path = _work.File("project");
        var run = Shell.Run("generate", "--package", Package, "--out", path);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return path;
    }

    /// <summary>The four Fashion-MNIST file names, each holding gzip of bytes that are no IDX file.</summary>
    private static string BadIdx(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var name in new[] { "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" })
        {
            using var file = File.Create(System.IO.Path.Combine(directory, name));
            using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            gzip.Write("not an IDX file at all"u8);
        }
        return directory;
    }
}
