using System.CommandLine;
using Quasar.HwGen.Core;
using Quasar.HwGen.Core.Data;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>`quasar demo`: the end-to-end job on the shipped samples. It grows with each stage that lands.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run the pipeline end to end on the shipped sample data (software emulation)");
        command.SetAction(_ => CliErrors.Run(Run));
        return command;
    }

    private static void Run()
    {
        var data = Path.Combine(RepositoryLayout.Root, FashionMnist.SampleSubdirectory);
        Console.WriteLine($"[1/1] data     {data}");
        Console.WriteLine($"               train: {DatasetCommand.Describe(FashionMnist.LoadTrain(data))}");
        Console.WriteLine($"               test:  {DatasetCommand.Describe(FashionMnist.LoadTest(data))}");
    }
}
