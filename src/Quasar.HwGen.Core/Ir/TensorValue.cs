namespace Quasar.HwGen.Core.Ir;

/// <summary>A named tensor of the graph; every tensor is defined by exactly one op (or is the graph input).</summary>
public sealed record TensorValue(string Name, TensorType Type);
