using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Quasar.HwGen.Cli.Errors;
using Quasar.HwGen.Core;
using Quasar.HwGen.Core.Data;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir.Package;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>`quasar infer`: runs an IR package on labelled images in the C# emulation; accuracy and images/s.</summary>
public static class InferCommand
{
    public static Command Create()
    {
        var package = new Option<DirectoryInfo>("--package") { Description = "IR package directory (from `quasar lower`)", Required = true };
        var data = new Option<DirectoryInfo?>("--data") { Description = "IDX directory in the Fashion-MNIST layout (default: samples/data/fashion-mnist)" };
        var count = new Option<int>("--count") { Description = "Number of test images (the first N of the test split)", DefaultValueFactory = _ => 1000 }.InRange(1);
        var command = new Command("infer", "Run an IR package on the test split in the C# emulation of the engine") { package, data, count };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var graph = IrPackage.Read(parse.GetRequiredValue(package).FullName);
            var directory = parse.GetValue(data)?.FullName ?? Path.Combine(RepositoryLayout.Root, FashionMnist.SampleSubdirectory);
            var test = FashionMnist.LoadTest(directory).Take(parse.GetValue(count));
            ModelInput.ThrowIfMismatched(graph, test, directory);
            var result = Evaluate(new IrInterpreter(graph, new EmulatedEngine()), test);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{test.Count} images: top-1 {100.0 * result.Correct / test.Count:F2}%, {test.Count / result.Elapsed.TotalSeconds:F1} images/s (emulation)"));
        }));
        return command;
    }

    /// <summary>The index of the largest logit (the first one on a tie).</summary>
    internal static int TopClass(float[] logits) => Array.IndexOf(logits, logits.Max());

    internal static (int Correct, TimeSpan Elapsed) Evaluate(IrInterpreter interpreter, LabeledImages images)
    {
        int correct = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < images.Count; i++)
        {
            var logits = interpreter.Run(images.Image(i));
            if (TopClass(logits) == images.Labels[i]) correct++;
            if ((i + 1) % 250 == 0) Console.Error.Write($"\r  {i + 1}/{images.Count} images");
        }
        if (images.Count >= 250) Console.Error.WriteLine();
        return (correct, clock.Elapsed);
    }
}
