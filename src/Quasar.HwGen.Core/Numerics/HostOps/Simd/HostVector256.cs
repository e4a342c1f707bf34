using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quasar.HwGen.Core.Numerics.HostOps.Simd;

/// <summary>Eight float32 lanes: AVX on x64.</summary>
internal readonly struct HostVector256(Vector256<float> value) : IHostVector<HostVector256>
{
    private readonly Vector256<float> _value = value;

    public static int Count => Vector256<float>.Count;

    public bool HasNaN => !Vector256.EqualsAll(_value, _value);

    public static HostVector256 Create(float value) => new(Vector256.Create(value));

    public static HostVector256 Load(ref readonly float source, nuint index) => new(Vector256.LoadUnsafe(in source, index));

    public static HostVector256 LoadInt16(ref readonly short source, nuint index)
    {
        var eight = Vector128.LoadUnsafe(in source, index).ToVector256Unsafe();
        return new(Vector256.ConvertToSingle(Vector256.WidenLower(eight)));
    }

    public static HostVector256 LoadInt8(ref readonly sbyte source, nuint index)
    {
        long eight = Unsafe.ReadUnaligned<long>(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref Unsafe.AsRef(in source), index)));
        var shorts = Vector128.WidenLower(Vector128.CreateScalarUnsafe(eight).AsSByte()).ToVector256Unsafe();
        return new(Vector256.ConvertToSingle(Vector256.WidenLower(shorts)));
    }

    public static HostVector256 RoundToEven(HostVector256 value) => new(Vector256.Round(value._value));

    public static HostVector256 Min(HostVector256 left, HostVector256 right) => new(Vector256.MinNative(left._value, right._value));

    public static HostVector256 Max(HostVector256 left, HostVector256 right) => new(Vector256.MaxNative(left._value, right._value));

    public static HostVector256 PowerOfTwo(HostVector256 exponent) =>
        new(Vector256.ShiftLeft(Vector256.ConvertToInt32Native(exponent._value) + Vector256.Create(127), 23).AsSingle());


    public void Store(ref float destination, nuint index) => _value.StoreUnsafe(ref destination, index);

    /// <summary>The 8 lanes added in <see cref="LaneSum.Combine"/>'s order, ((l0 + l4) + (l2 + l6)) + ((l1 + l5) + (l3 + l7)), in registers.</summary>
    public float CombineLanes()
    {
        var half = _value.GetLower() + _value.GetUpper(); // l0 + l4, l1 + l5, l2 + l6, l3 + l7
        var quarter = half + Vector128.Shuffle(half, Vector128.Create(2, 3, 0, 1));
        return quarter.ToScalar() + quarter.GetElement(1);
    }

    public void StoreInt8(ref sbyte destination, nuint index)
    {
        var integers = Vector256.ConvertToInt32Native(_value);
        if (Avx512F.VL.IsSupported)
        {
            // vpmovdb: one instruction where the narrowing below takes five.
            long packed = Avx512F.VL.ConvertToVector128SByte(integers).AsInt64().ToScalar();
            Unsafe.WriteUnaligned(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref destination, index)), packed);
            return;
        }
        var shorts = Vector128.Narrow(integers.GetLower(), integers.GetUpper());
        long eight = Vector128.Narrow(shorts, shorts).AsInt64().ToScalar();
        Unsafe.WriteUnaligned(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref destination, index)), eight);
    }

    public static HostVector256 operator +(HostVector256 left, HostVector256 right) => new(left._value + right._value);

    public static HostVector256 operator -(HostVector256 left, HostVector256 right) => new(left._value - right._value);

    public static HostVector256 operator *(HostVector256 left, HostVector256 right) => new(left._value * right._value);

    public static HostVector256 operator /(HostVector256 left, HostVector256 right) => new(left._value / right._value);
}
