namespace Quasar.HwGen.Codegen.Project;

/// <summary>What a write did to the project directory, by project-relative path.</summary>
/// <param name="Created">Files that did not exist.</param>
/// <param name="Replaced">Generated files replaced (their bytes may be the same).</param>
/// <param name="Unchanged">Those of <paramref name="Replaced"/> whose bytes did not change.</param>
/// <param name="OverwrittenEdits">Files edited (or not generated) that --force overwrote.</param>
/// <param name="RemovedStale">Files an earlier generation wrote, no longer generated and not edited: deleted.</param>
/// <param name="KeptStale">Files an earlier generation wrote, no longer generated but edited: left alone.</param>
public sealed record ProjectWriteResult(
    IReadOnlyList<string> Created,
    IReadOnlyList<string> Replaced,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> OverwrittenEdits,
    IReadOnlyList<string> RemovedStale,
    IReadOnlyList<string> KeptStale);
