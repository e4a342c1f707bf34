namespace Quasar.Runtime.App;

/// <summary>
/// One `quasar-run` invocation: the IR package, where the images come from (an IDX file, or <see cref="Random"/>
/// generated ones), and where the logits go.
/// </summary>
/// <param name="Count">With <see cref="Idx"/>: the first N images (default all).</param>
public sealed record RunOptions(string Package, string? Idx, string? Labels, int? Random, ulong Seed, int? Count, string? Logits);
