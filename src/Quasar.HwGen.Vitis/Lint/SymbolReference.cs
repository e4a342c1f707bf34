namespace Quasar.HwGen.Vitis.Lint;

/// <summary>Function <paramref name="From"/> (mangled) calls or takes the address of symbol <paramref name="To"/>, optionally at file:line:col.</summary>
public sealed record SymbolReference(string From, string To, string? Location);
