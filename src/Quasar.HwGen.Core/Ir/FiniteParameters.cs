using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Core.Ir;

/// <summary>
/// Finds NaN and ±Inf in an op's floating-point parameters (scales, LayerNorm terms, embeddings, normalization).
/// Found by reflection over the op's public float and float[] properties, so a new op's parameters are checked too.
/// </summary>
internal static class FiniteParameters
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static void Verify(IrOp op, List<IrDiagnostic> sink)
    {
        foreach (var property in Properties.GetOrAdd(op.GetType(), FloatProperties))
        {
            switch (property.GetValue(op))
            {
                case float value when !float.IsFinite(value):
                    sink.Add(Diagnostic(op, property.Name, value));
                    break;
                case double value when !double.IsFinite(value):
                    sink.Add(Diagnostic(op, property.Name, value));
                    break;
                case float[] values:
                    int index = Array.FindIndex(values, v => !float.IsFinite(v));
                    if (index >= 0) sink.Add(Diagnostic(op, $"{property.Name}[{index}]", values[index]));
                    break;
            }
        }
    }

    private static PropertyInfo[] FloatProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.PropertyType == typeof(float) || p.PropertyType == typeof(double) || p.PropertyType == typeof(float[])))];

    private static IrDiagnostic Diagnostic(IrOp op, string parameter, double value) =>
        new(IrDiagnosticCodes.NonFiniteParameter, op.Name, $"parameter {parameter} is {value.ToString(CultureInfo.InvariantCulture)}; every parameter must be a finite number (was the model trained to NaN?)");
}
