namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// make -j on this machine, when the sweep names no scheduler: <paramref name="Jobs"/> tasks at once (null: one per
/// core), each ended by coreutils' timeout after <paramref name="TimeLimit"/> (null: no limit).
/// </summary>
public sealed record MakeSettings(int? Jobs, TimeSpan? TimeLimit);
