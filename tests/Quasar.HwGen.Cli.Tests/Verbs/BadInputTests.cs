using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Verbs;

/// <summary>
/// Every verb, through the command-line entry point, with each kind of bad input it accepts: a wrong option value
/// (usage, exit 2), a missing file, a malformed file or one of the wrong kind (bad input, exit 3). The user sees one
/// `error:` line that names the option or file, and never a stack trace.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class BadInputTests
{
    private BadInputs _inputs = null!;

    [OneTimeSetUp]
    public void MakeInputs() => _inputs = new BadInputs();

    [OneTimeTearDown]
    public void RemoveInputs() => _inputs.Dispose();

    private const int Usage = ExitCodes.Usage, Bad = ExitCodes.BadInput;

    /// <summary>verb, what is wrong, arguments, exit code, what the error line says ({names} are paths; each … stands for
    /// text that varies, such as a hash, and the parts around it appear in order).</summary>
    private static readonly object[][] Cases =
    [
        ["dataset info", "a required option is missing", "dataset info --images {missing}", Usage, "Option '--labels' is required."],
        ["dataset info", "the files do not exist", "dataset info --images {missing} --labels {missing}", Bad, "{missing}"],
        ["dataset info", "the files are no IDX files", "dataset info --images {a-file} --labels {a-file}", Bad, "{a-file}"],
        ["dataset subset", "a count below 1", "dataset subset --train 0 --out {out}", Usage, "--train 0: give a number of at least 1"],
        ["dataset subset", "the source does not exist", "dataset subset --from {missing} --out {out}", Bad, "{missing}"],
        ["dataset subset", "the source holds no IDX files", "dataset subset --from {bad-idx} --out {out}", Bad, "{bad-idx}"],
        ["demo", "an unknown option", "demo --fast", Usage, "Unrecognized command or argument '--fast'."],
        ["demo", "--out is a file", "demo --out {a-file}", Usage, "is a file; give a directory"],
        ["lower", "a count below 1", "lower --subnet fashion-mnist.largest --out {out} --count 0", Usage, "--count 0: give a number from 1 to 10000"],
        ["lower", "the subnet is neither a file nor a sample", "lower --subnet {missing} --out {out}", Bad, "is neither a file nor a shipped sample"],
        ["lower", "the subnet YAML is malformed", "lower --subnet {malformed.yaml} --out {out}", Bad, "{malformed.yaml}"],
        ["lower", "the subnet YAML is of another schema", "lower --subnet {wrong-schema.yaml} --out {out}", Bad, "{wrong-schema.yaml}"],
        ["lower", "the checkpoint is malformed", "lower --subnet fashion-mnist.largest --checkpoint {garbage.json} --out {out}", Bad, "{garbage.json}"],
        ["lower", "the calibration data is no IDX", "lower --subnet fashion-mnist.largest --data {bad-idx} --out {out}", Bad, "{bad-idx}"],
        ["infer", "a count below 1", "infer --package {missing} --count 0", Usage, "--count 0: give a number of at least 1"],
        ["infer", "the package does not exist", "infer --package {missing}", Bad, "{missing}"],
        ["infer", "the folder is no package", "infer --package {not-a-package}", Bad, "{not-a-package}"],
        ["infer", "the package manifest is empty", "infer --package {bad-package}", Bad, "{bad-package}"],
        ["infer", "the package is of a newer format version", "infer --package {newer-package}", Bad,
            "error: {newer-package}/manifest.json: format version 2 is newer than version 1, the one this quasar reads: the package was written by a newer quasar; update quasar, or run `quasar lower` again with this one"],
        ["infer", "a byte of weights.bin was changed", "infer --package {tampered-package}", Bad,
            "error: {tampered-package}/weights.bin: SHA-256 … differs from the manifest's …: the file was modified after it was written; regenerate the package"],
        ["infer", "the data is no IDX", "infer --package {package} --data {bad-idx}", Bad, "{bad-idx}"],
        ["infer", "images of another size than the package takes", "infer --package {imagenet-package} --count 1", Bad, "images are 1x28x28, the model 'imagenet-tiny' takes 3x224x224"],
        ["train", "zero epochs", "train --epochs 0 --out {out}", Usage, "--epochs 0: give a number from 1 to 100000"],
        ["train", "a learning rate that is not a number", "train --lr NaN --out {out}", Usage, "--lr NaN: give a number above 0 and at most 1"],
        ["train", "--min-lr above --lr", "train --lr 1e-4 --min-lr 1e-3 --out {out}", Usage, "--min-lr 0.001 is above --lr 0.0001"],
        ["train", "the space YAML is malformed", "train --space {malformed.yaml} --out {out}", Bad, "{malformed.yaml}"],
        ["train", "the data is no IDX", "train --data {bad-idx} --out {out}", Bad, "{bad-idx}"],
        ["average", "--out is missing", "average --checkpoint {missing}", Usage, "Option '--out' is required."],
        ["average", "the checkpoint does not exist", "average --checkpoint {missing} --out {out}", Bad, "{missing}"],
        ["average", "the checkpoint is malformed", "average --checkpoint {garbage.json} --out {out}", Bad, "{garbage.json}"],
        ["evaluate", "a count below 1", "evaluate --checkpoint {missing} --count 0", Usage, "--count 0: give a number of at least 1"],
        ["evaluate", "an unknown split", "evaluate --checkpoint {missing} --split train", Usage, "'train'"],
        ["evaluate", "the data is no IDX", "evaluate --checkpoint {missing} --data {bad-idx}", Bad, "{bad-idx}"],
        ["evaluate", "the checkpoint is malformed", "evaluate --checkpoint {garbage.json}", Bad, "{garbage.json}"],
        ["search", "an FPS target of 0", "search --checkpoint {missing} --fps 0", Usage, "--fps 0: give a number above 0"],
        ["search", "top-k above the population", "search --checkpoint {missing} --fps 100 --population 2", Usage, "--top-k 10 is more than --population 2"],
        ["search", "the checkpoint does not exist", "search --checkpoint {missing} --fps 100 --out {out}", Bad, "{missing}"],
        ["search", "the checkpoint is malformed", "search --checkpoint {garbage.json} --fps 100 --out {out}", Bad, "{garbage.json}"],
        ["ablation rows", "no candidates", "ablation rows --checkpoint {missing} --candidates 0", Usage, "--candidates 0: give a number from 1 to 5000"],
        ["ablation rows", "the checkpoint does not exist", "ablation rows --checkpoint {missing}", Bad, "{missing}"],
        ["ablation rows", "the checkpoint is malformed", "ablation rows --checkpoint {garbage.json}", Bad, "{garbage.json}"],
        ["estimate", "a DSP budget of 0", "estimate --subnet quasar-s-like --dsp-budget 0", Usage, "--dsp-budget 0: give a number from 1 to"],
        ["estimate", "an unknown engine scope", "estimate --subnet quasar-s-like --engine huge", Usage, "'huge'"],
        ["estimate", "the subnet is neither a file nor a sample", "estimate --subnet {missing}", Bad, "is neither a file nor a shipped sample"],
        ["estimate", "the subnet YAML is malformed", "estimate --subnet {malformed.yaml}", Bad, "{malformed.yaml}"],
        ["estimate", "the platform YAML is of another schema", "estimate --subnet quasar-s-like --platform {wrong-schema.yaml}", Bad, "{wrong-schema.yaml}"],
        ["estimate", "a design that does not fit the budget", "estimate --subnet quasar-s-like --dsp-budget 1", Bad, "DSP"],
        ["estimate", "the calibration file is malformed", "estimate --subnet quasar-s-like --calibration {malformed.yaml}", Bad, "{malformed.yaml}"],
        ["estimate", "the calibration file is of another schema", "estimate --subnet quasar-s-like --calibration {wrong-schema.yaml}", Bad,
            "error: {wrong-schema.yaml}:1:1: format: is missing: not a quasar calibration file (expected format: quasar-calibration); write one with quasar calibrate"],
        ["calibrate", "no report is given", "calibrate", Usage, "Required argument missing for command: 'calibrate'."],
        ["calibrate", "the report does not exist", "calibrate {missing} --out {out}", Bad, "{missing}: no such report file or project folder"],
        ["calibrate", "the folder is no generated project", "calibrate {empty-dir} --out {out}", Bad,
            "{empty-dir}: no quasar-project.json here or above; give a generated project's folder, or report files with --project"],
        ["calibrate", "the project has no reports yet", "calibrate {project} --out {out}", Bad, "{project}: no csynth or cosim report under prj/solution1/ or work/hls/; run quasar synth (and quasar cosim) first"],
        ["calibrate", "a report file outside any project", "calibrate {a-file} --out {out}", Bad, "{a-file}: not inside a generated project; give the project it is of with --project"],
        ["report", "no project is given", "report", Usage, "Required argument missing for command: 'report'."],
        ["report", "the project does not exist", "report {missing}", Bad, "{missing}: no such report file or project folder"],
        ["report", "the folder is no generated project", "report {empty-dir}", Bad,
            "{empty-dir}: no quasar-project.json here or above; give a generated project's folder, or report files with --project"],
        ["report", "the project has no reports yet", "report {project}", Bad, "{project}: no csynth or cosim report under prj/solution1/ or work/hls/; run quasar synth (and quasar cosim) first"],
        ["report", "a report file outside any project", "report {a-file}", Bad, "{a-file}: not inside a generated project; give the project it is of with --project"],
        ["generate", "a count below 1", "generate --package {missing} --out {out} --count 0", Usage, "--count 0: give a number from 1 to 1000"],
        ["generate", "the package does not exist", "generate --package {missing} --out {out}", Bad, "{missing}"],
        ["generate", "the folder is no package", "generate --package {not-a-package} --out {out}", Bad, "{not-a-package}"],
        ["generate", "the platform YAML is malformed", "generate --package {package} --platform {malformed.yaml} --out {out}", Bad, "{malformed.yaml}"],
        ["generate", "the golden data is no IDX", "generate --package {package} --data {bad-idx} --out {out}", Bad, "{bad-idx}"],
        ["lint", "the project argument is missing", "lint", Usage, "Required argument missing for command: 'lint'."],
        ["lint", "the project does not exist", "lint {missing}", Bad, "{missing}"],
        ["lint", "the folder is no project", "lint {empty-dir}", Bad, "{empty-dir}"],
        ["csim", "--gxx with --vitis", "csim {missing} --gxx --vitis", Usage, "--gxx and --vitis exclude each other"],
        ["csim", "a count without a package", "csim {missing} --count 5", Usage, "--count needs --package"],
        ["csim", "the project does not exist", "csim {missing}", Bad, "{missing}"],
        ["csim", "the folder is no project", "csim {empty-dir}", Bad, "{empty-dir}"],
        ["csim", "the package is no package", "csim {project} --gxx --no-lint --package {not-a-package}", Bad, "{not-a-package}"],
        ["csim", "a package the project's engine cannot run", "csim {project} --gxx --no-lint --package {imagenet-package}", Bad, "was generated for another package"],
    ];

    private static IEnumerable<TestCaseData> VerbCases() =>
        Cases.Select(c => new TestCaseData(c[2], c[3], c[4]).SetName($"{c[0]}: {c[1]}"));

    [TestCaseSource(nameof(VerbCases))]
    public void A_bad_input_is_one_error_line_naming_it(string commandLine, int exitCode, string message)
    {
        var run = Shell.Run(_inputs.Resolve(commandLine.Split(' ')));
        Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.ToString());
        Assert.That(run.ShowsStackTrace, Is.False, run.ToString());
        var error = run.ErrorLines.FirstOrDefault(line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.That(error, Is.Not.Null, run.ToString());
        int at = 0;
        foreach (var part in _inputs.ResolveText(message).Split('…'))
        {
            int found = error!.IndexOf(part, at, StringComparison.Ordinal);
            Assert.That(found, Is.GreaterThanOrEqualTo(0), $"expected '{part}' in the error line after column {at}\n{run}");
            at = found + part.Length;
        }
    }
}
