using System.CommandLine;
using Quasar.HwGen.Cli.Verbs;

var root = new RootCommand("quasar: Quasar-ViT from quantization-aware training to a ZCU102 bitstream project")
{
    DatasetCommand.Create(),
    DemoCommand.Create(),
    LowerCommand.Create(),
    InferCommand.Create(),
    TrainCommand.Create(),
    AverageCommand.Create(),
    EvaluateCommand.Create(),
    SearchCommand.Create(),
    AblationCommand.Create(),
    EstimateCommand.Create(),
    GenerateCommand.Create(),
    LintCommand.Create(),
    CsimCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
