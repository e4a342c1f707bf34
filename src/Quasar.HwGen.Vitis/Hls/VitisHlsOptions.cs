namespace Quasar.HwGen.Vitis.Hls;

/// <summary>Where the HLS flows find their inputs and put their work, relative to the project; and how long a step may take.</summary>
/// <param name="WorkDirectory">The unified flow's <c>--work_dir</c> (reports under <c>&lt;work&gt;/hls/...</c>); the generated
/// Makefile's <c>WORK</c>, so `quasar csim --vitis` and `make csim` share one work directory.</param>
/// <param name="Timeout">A step is killed after this long (null: never); cosim of a ViT can take hours.</param>
/// <param name="ExcerptLines">The most log lines an error carries.</param>
public sealed record VitisHlsOptions(
    string TclScript = Projects.HlsProject.TclScriptFile,
    string Config = Projects.HlsProject.ConfigFile,
    string WorkDirectory = "work",
    TimeSpan? Timeout = null,
    int ExcerptLines = 25)
{
    public static VitisHlsOptions Default { get; } = new();
}
