using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Quasar.HwGen.Core.Data;
using Quasar.Runtime.App.Inputs;

namespace Quasar.Runtime.App;

/// <summary>
/// One run: open the package and the backend, get the images, infer them with the session's frames in flight, write
/// the logits, and say what happened: a summary line, then where a frame's time went and the peak resident memory.
/// </summary>
internal static class RunJob
{
    public static IReadOnlyList<string> Execute(RunOptions options, ILogger logger, CancellationToken cancellation)
    {
        using var model = ModelSession.Open(options);
        logger.LogInformation("Loaded {Model} from {Package}: {Backend}, {Frames} frame(s) in flight", model.Name, options.Package, model.Backend, model.Frames);
        var (images, source) = LoadImages(options, model);
        logger.LogInformation("Running {Count} image(s) of {Source}", images.Count, source);

        var logits = new float[images.Count * model.Classes];
        var before = model.Statistics;
        var progress = new RunProgress(images.Count, logger);
        var clock = Stopwatch.StartNew();
        model.Run(images.Count, i => images.Pixels.AsMemory(i * images.PixelsPerImage, images.PixelsPerImage), logits, progress, cancellation);
        clock.Stop();
        progress.Finish();
        if (options.Logits is { } path) LogitsFile.Write(path, [.. logits.Chunk(model.Classes)]);

        var ci = CultureInfo.InvariantCulture;
        int correct = Enumerable.Range(0, images.Labels.Length).Count(i => TopClass(logits.AsSpan(i * model.Classes, model.Classes)) == images.Labels[i]);
        var accuracy = images.Labels.Length > 0 ? string.Create(ci, $", top-1 {100.0 * correct / images.Count:F2}% ({correct}/{images.Count})") : "";
        var written = options.Logits is { } file ? $"; logits in {file}" : "";
        var summary = string.Create(ci,
            $"'{model.Name}' on {images.Count} image{(images.Count == 1 ? "" : "s")} of {source}{accuracy}, {Rate(images.Count / clock.Elapsed.TotalSeconds)} images/s ({model.Backend}, {model.Frames} frame{(model.Frames == 1 ? "" : "s")} in flight){written}");
        return [summary, StageBreakdown.Format(model.Statistics.Since(before), model.Accelerator), PeakMemory.Describe()];
    }

    private static (LabeledImages Images, string Source) LoadImages(RunOptions options, ModelSession model)
    {
        if (options.Random is int n) return (RandomImages.Generate(model.Channels, model.ImageSize, n, options.Seed), $"random (SplitMix64, seed {options.Seed})");
        if (options.Images is { } folder) return (ImageFolder.Load(folder, options.Count, model.Channels, model.ImageSize, model.Name), folder);
        return (IdxImages.Load(options.Idx!, options.Labels, options.Count, model), options.Idx!);
    }

    /// <summary>Images/s with three significant digits or more: sw-emu runs below one image a second.</summary>
    private static string Rate(double rate) => rate.ToString(rate >= 10 ? "F1" : "F3", CultureInfo.InvariantCulture);

    /// <summary>The index of the largest logit (the first one on a tie), as `quasar infer` counts it.</summary>
    private static int TopClass(ReadOnlySpan<float> logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++) if (logits[i] > logits[best]) best = i;
        return best;
    }
}
