using System.CommandLine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Vitis.Vpp;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>The options `quasar link` and `quasar package` share: target, platform (default: the project's), timeout.</summary>
internal sealed class VppStepOptions
{
    private readonly Option<string> _target = new("--target") { Description = "hw (the board, default) or hw_emu (RTL emulation of it)", DefaultValueFactory = _ => "hw" };
    private readonly Option<string?> _platform = new("--platform") { HelpName = "name|xpfm", Description = "Vitis platform (default: the one the project was generated for, in quasar-project.json)" };
    private readonly Option<double?> _timeout;

    public VppStepOptions(string why)
    {
        _target.AcceptOnlyFromAmong([.. VppOptions.Targets]);
        _timeout = StepTimeout.Option(why);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_target);
        command.Options.Add(_platform);
        command.Options.Add(_timeout);
    }

    public VppOptions Read(ParseResult parse, ProjectManifest manifest) =>
        new(parse.GetValue(_target)!, parse.GetValue(_platform) ?? manifest.Platform.VitisPlatform, StepTimeout.Value(parse, _timeout));
}
