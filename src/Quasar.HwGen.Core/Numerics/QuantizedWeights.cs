namespace Quasar.HwGen.Core.Numerics;

/// <summary>A weight matrix quantized per row: <c>W[r,k] ≈ Values[r·Columns + k] · Scales[r]</c>.</summary>
/// <param name="Values">Row-major [Rows × Columns]; 4-bit rows in [−8, 7], 8-bit rows in [−128, 127].</param>
/// <param name="Scales">The step of each row, <c>s_w[r]</c>.</param>
/// <param name="Is8">The row-precision map the values were quantized with.</param>
public sealed record QuantizedWeights(sbyte[] Values, float[] Scales, bool[] Is8, int Rows, int Columns);
