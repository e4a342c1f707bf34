using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Ir.Package;
using Quasar.Runtime;
using Quasar.Runtime.Emulation;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>`quasar infer`: runs an IR package on labelled images through the runtime on `emu`; accuracy, images/s and where the time went.</summary>
public static class InferCommand
{
    public static Command Create()
    {
        var package = new Option<DirectoryInfo>("--package") { Description = "IR package directory (from `quasar lower`)", Required = true };
        var data = new Option<DirectoryInfo?>("--data") { Description = "IDX directory in the Fashion-MNIST layout (default: samples/data/fashion-mnist)" };
        var count = new Option<int>("--count") { Description = "Number of test images (the first N of the test split)", DefaultValueFactory = _ => 1000 }.InRange(1);
        var frames = new Option<int>("--frames-in-flight") { Description = "Frames run at once: host ops of one overlap the engine work of another", DefaultValueFactory = _ => 2 }.InRange(1);
        var command = new Command("infer", "Run an IR package on the test split through the runtime on the C# emulation of the engine (emu)") { package, data, count, frames };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var graph = IrPackage.Read(parse.GetRequiredValue(package).FullName);
            var directory = parse.GetValue(data)?.FullName ?? Path.Combine(ShippedFiles.Root, FashionMnist.SampleSubdirectory);
            var test = FashionMnist.LoadTest(directory).Take(parse.GetValue(count));
            ModelInput.ThrowIfMismatched(graph, test, directory);
            int inFlight = parse.GetValue(frames);
            using var session = new InferenceSession(graph, new EmulatedAccelerator(parallelGemm: inFlight == 1), new SessionOptions { FramesInFlight = inFlight });
            var result = Evaluate(session, test);
            var stats = session.Statistics;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{test.Count} images: top-1 {100.0 * result.Correct / test.Count:F2}%, {test.Count / result.Elapsed.TotalSeconds:F1} images/s on {session.Accelerator.Name}, {inFlight} frame(s) in flight; per frame: host ops {stats.HostOpsPerFrame.TotalMilliseconds:F2} ms, engine {stats.AcceleratorPerFrame.TotalMilliseconds:F2} ms"));
        }));
        return command;
    }

    /// <summary>The index of the largest logit (the first one on a tie).</summary>
    internal static int TopClass(ReadOnlySpan<float> logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++) if (logits[i] > logits[best]) best = i;
        return best;
    }

    /// <summary>Runs every image through <paramref name="session"/>; the top-1 class of each, and the wall time.</summary>
    internal static (int[] Predicted, TimeSpan Elapsed) Predict(InferenceSession session, LabeledImages images)
    {
        var logits = new float[images.Count * session.Classes];
        var clock = Stopwatch.StartNew();
        var progress = images.Count >= 250 ? new ConsoleProgress<int>(done => { if (done % 250 == 0) Console.Error.Write($"\r  {done}/{images.Count} images"); }) : null;
        session.Run(images.Count, i => images.Pixels.AsMemory(i * images.PixelsPerImage, images.PixelsPerImage), logits, progress);
        var elapsed = clock.Elapsed;
        if (images.Count >= 250) Console.Error.WriteLine();
        var predicted = new int[images.Count];
        for (int i = 0; i < images.Count; i++) predicted[i] = TopClass(logits.AsSpan(i * session.Classes, session.Classes));
        return (predicted, elapsed);
    }

    private static (int Correct, TimeSpan Elapsed) Evaluate(InferenceSession session, LabeledImages images)
    {
        var (predicted, elapsed) = Predict(session, images);
        return (predicted.Where((p, i) => p == images.Labels[i]).Count(), elapsed);
    }
}
