using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Core.Execution;

/// <summary>The value of one tensor for one image: float32, sbyte (Int6/Int8) or short (Int16) storage per its type.</summary>
public sealed class TensorData
{
    private TensorData(TensorType type, float[]? floats, sbyte[]? bytes, short[]? shorts)
    {
        Type = type;
        Floats = floats;
        Bytes = bytes;
        Shorts = shorts;
    }

    public TensorType Type { get; }

    public float[]? Floats { get; }

    public sbyte[]? Bytes { get; }

    public short[]? Shorts { get; }

    public static TensorData Float(TensorType type, float[] values)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(values);
        Check(type, values.Length, ElementType.Float32);
        return new TensorData(type, values, null, null);
    }

    public static TensorData Int8(TensorType type, sbyte[] values)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(values);
        if (type.Element is not (ElementType.Int6 or ElementType.Int8)) throw new ArgumentException($"{type} is not stored as sbyte", nameof(type));
        Check(type, values.Length, type.Element);
        return new TensorData(type, null, values, null);
    }

    public static TensorData Int16(TensorType type, short[] values)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(values);
        Check(type, values.Length, ElementType.Int16);
        return new TensorData(type, null, null, values);
    }

    /// <summary>The values as float32: the floats themselves, or q · step for integer tensors.</summary>
    public float[] ToFloat()
    {
        if (Floats is not null) return Floats;
        var result = new float[Type.ElementCount];
        if (Bytes is not null) Dequantizer.Apply(Bytes, Type.Step, result);
        else Dequantizer.Apply(Shorts, Type.Step, result);
        return result;
    }

    /// <summary>The integer values widened to int, for comparisons and reports.</summary>
    public int[] ToInt32()
    {
        if (Bytes is not null) return Array.ConvertAll(Bytes, b => (int)b);
        if (Shorts is not null) return Array.ConvertAll(Shorts, s => (int)s);
        throw new InvalidOperationException($"{Type} is not an integer tensor");
    }

    private static void Check(TensorType type, int length, ElementType element)
    {
        if (type.Element != element) throw new ArgumentException($"{type} is not {element}", nameof(type));
        if (length != type.ElementCount) throw new ArgumentException($"{type} needs {type.ElementCount} values, got {length}", nameof(length));
    }
}
