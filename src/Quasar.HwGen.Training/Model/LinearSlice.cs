namespace Quasar.HwGen.Training.Model;

/// <summary>The part of an elastic linear a subnet uses: the leading <see cref="Out"/> rows (per row group) and
/// <see cref="In"/> columns, with the first round(<see cref="Row8"/>·rows) rows of the sliced block 8-bit.</summary>
public sealed record LinearSlice(int Out, int In, double Row8);
