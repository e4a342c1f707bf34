using Quasar.Runtime.App;

namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>
/// `quasar-run`'s settings: a settings file (section Run) and QUASAR_Run__* environment variables say what the
/// command line can say, the command line wins (its images replace the file's as a whole), and a bad file or value is
/// one `error:` line naming it.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class QuasarRunSettingsTests
{
    private TemporaryDirectory _work = null!;
    private string _package = null!;

    [OneTimeSetUp]
    public void MakePackage()
    {
        _work = new TemporaryDirectory();
        _package = RuntimeAppPackages.FashionMnistLargest(_work.Path);
    }

    [OneTimeTearDown]
    public void Remove() => _work.Dispose();

    [Test]
    public void A_settings_file_alone_runs_the_model()
    {
        var logits = _work.File("from-file.logits");
        var settings = Settings("file.json", $$"""{ "Run": { "Package": {{Json(_package)}}, "Random": 3, "Seed": 4, "Frames": 1, "Logits": {{Json(logits)}} } }""");

        var run = QuasarRunConsole.Run("--settings", settings);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("on 3 images of random (SplitMix64, seed 4)").And.Contain("1 frame in flight"));
        Assert.That(new FileInfo(logits).Length, Is.EqualTo(3 * 10 * sizeof(float)));
    }

    [Test]
    public void The_command_line_wins_and_its_images_replace_the_file_s()
    {
        var settings = Settings("images.json", $$"""{ "Run": { "Package": {{Json(_package)}}, "Images": "/no/such/folder", "Count": 5, "Frames": 1 } }""");

        var run = QuasarRunConsole.Run("--settings", settings, "--random", "2", "--frames", "2");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("on 2 images of random").And.Contain("2 frames in flight"));
    }

    [Test]
    public void An_environment_variable_sets_a_setting_and_the_command_line_overrides_it()
    {
        Environment.SetEnvironmentVariable("QUASAR_Run__Random", "4");
        try
        {
            var fromEnvironment = QuasarRunConsole.Run("--package", _package);
            var overridden = QuasarRunConsole.Run("--package", _package, "--random", "1");

            Assert.That(fromEnvironment.Out, Does.Contain("on 4 images of random"), fromEnvironment.ToString());
            Assert.That(overridden.Out, Does.Contain("on 1 image of random"), overridden.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("QUASAR_Run__Random", null);
        }
    }

    [Test]
    public void A_settings_file_that_is_not_json_is_bad_input_naming_the_file()
    {
        var settings = Settings("broken.json", """{ "Run": { "Package": """);

        var run = QuasarRunConsole.Run("--settings", settings);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines[0], Does.StartWith($"error: {settings}: not valid JSON").And.EndWith("fix the file or remove it"));
        Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
    }

    [Test]
    public void A_missing_settings_file_is_bad_input()
    {
        var missing = _work.File("none.json");

        var run = QuasarRunConsole.Run("--settings", missing, "--package", _package, "--random", "1");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.ErrorLines[0], Does.StartWith($"error: --settings {missing}: file not found"));
    }

    [Test]
    public void A_setting_that_does_not_convert_names_its_key()
    {
        var settings = Settings("count.json", $$"""{ "Run": { "Package": {{Json(_package)}}, "Random": "many" } }""");

        var run = QuasarRunConsole.Run("--settings", settings);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.ErrorLines[0], Does.StartWith("error: ").And.Contain("Run:Random").And.Contain("many"));
        Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
    }

    private string Settings(string name, string json)
    {
        var path = _work.File(name);
        File.WriteAllText(path, json);
        return path;
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
