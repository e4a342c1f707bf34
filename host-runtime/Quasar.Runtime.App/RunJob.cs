using System.Diagnostics;
using System.Globalization;
using Quasar.HwGen.Core.Data;
using Quasar.Runtime.App.Inputs;

namespace Quasar.Runtime.App;

/// <summary>One run: open the package, get the images, infer each, write the logits, and say what happened in one line.</summary>
internal static class RunJob
{
    public static string Execute(RunOptions options)
    {
        var model = ModelSession.Open(options.Package);
        var (images, source) = options.Random is int n
            ? (RandomImages.Generate(model.Channels, model.ImageSize, n, options.Seed), $"random (SplitMix64, seed {options.Seed})")
            : (IdxImages.Load(options.Idx!, options.Labels, options.Count, model), options.Idx!);

        var logits = new float[images.Count][];
        int correct = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < images.Count; i++)
        {
            logits[i] = model.Infer(images.Image(i));
            if (images.Labels.Length > 0 && TopClass(logits[i]) == images.Labels[i]) correct++;
        }
        clock.Stop();
        if (options.Logits is { } path) LogitsFile.Write(path, logits);

        var ci = CultureInfo.InvariantCulture;
        var accuracy = images.Labels.Length > 0 ? string.Create(ci, $", top-1 {100.0 * correct / images.Count:F2}% ({correct}/{images.Count})") : "";
        var written = options.Logits is { } file ? $"; logits in {file}" : "";
        return string.Create(ci,
            $"'{model.Name}' on {images.Count} image{(images.Count == 1 ? "" : "s")} of {source}{accuracy}, {images.Count / clock.Elapsed.TotalSeconds:F1} images/s ({model.Backend}){written}");
    }

    /// <summary>The index of the largest logit (the first one on a tie), as `quasar infer` counts it.</summary>
    private static int TopClass(float[] logits) => Array.IndexOf(logits, logits.Max());
}
