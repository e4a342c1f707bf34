using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Quasar.Runtime.App;

/// <summary>The command line of `quasar-run`: parsing and the checks that need no file, nothing else.</summary>
internal static class RunArguments
{
    public const string VerboseOption = "--verbose";

    public static RootCommand Create(Func<RunOptions, bool, int> run)
    {
        var package = new Option<DirectoryInfo>("--package") { HelpName = "dir", Description = "IR package directory (from `quasar lower`)", Required = true };
        var idx = new Option<FileInfo?>("--idx") { HelpName = "file", Description = "IDX images file (N×H×W or N×C×H×W bytes, raw or gzip)" };
        var labels = new Option<FileInfo?>("--labels") { HelpName = "file", Description = "IDX labels file for --idx: prints the top-1 accuracy" };
        var random = new Option<int?>("--random") { HelpName = "N", Description = "Run N random images (deterministic: SplitMix64 from --seed) instead of --idx" };
        var seed = new Option<ulong>("--seed") { HelpName = "S", Description = "Seed of the --random images", DefaultValueFactory = _ => 1 };
        var count = new Option<int?>("--count") { HelpName = "N", Description = "With --idx: run only the first N images (default: all)" };
        var logits = new Option<FileInfo?>("--logits") { HelpName = "file", Description = "Write the logits here: float32 little-endian, [images × classes]" };
        var verbose = new Option<bool>(VerboseOption) { Description = "On an error, also print its stack trace" };
        var root = new RootCommand("quasar-run: run an IR package on images (today in the C# emulation of the engine)")
        {
            package, idx, labels, random, seed, count, logits, verbose,
        };
        AtLeastOne(random);
        AtLeastOne(count);
        // Whether an option was given, not its value: a value that does not convert is the parser's error, and reading it throws.
        root.Validators.Add(result =>
        {
            bool fromIdx = Given(result.GetResult(idx)), fromRandom = Given(result.GetResult(random));
            if (fromIdx == fromRandom) result.AddError("give the images: either --idx <file> or --random <N>");
            if (Given(result.GetResult(labels)) && !fromIdx) result.AddError("--labels needs --idx (the images they label)");
            if (Given(result.GetResult(count)) && fromRandom) result.AddError("--count applies to --idx; --random N already says how many");
            if (Given(result.GetResult(seed)) && !fromRandom) result.AddError("--seed applies to --random only");
        });
        root.SetAction(parse => run(
            new RunOptions(parse.GetRequiredValue(package).FullName, parse.GetValue(idx)?.FullName, parse.GetValue(labels)?.FullName,
                parse.GetValue(random), parse.GetValue(seed), parse.GetValue(count), parse.GetValue(logits)?.FullName),
            parse.GetValue(verbose)));
        return root;
    }

    private static bool Given(OptionResult? result) => result is { Implicit: false };

    private static void AtLeastOne(Option<int?> option) =>
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value < 1)
                result.AddError($"{option.Name} {value}: give a number of at least 1");
        });
}
