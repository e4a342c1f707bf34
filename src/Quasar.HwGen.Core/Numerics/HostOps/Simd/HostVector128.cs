using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Quasar.HwGen.Core.Numerics.HostOps.Simd;

/// <summary>Four float32 lanes: SSE on x64, NEON on arm64.</summary>
internal readonly struct HostVector128(Vector128<float> value) : IHostVector<HostVector128>
{
    private readonly Vector128<float> _value = value;

    public static int Count => Vector128<float>.Count;

    public bool HasNaN => !Vector128.EqualsAll(_value, _value);

    public static HostVector128 Create(float value) => new(Vector128.Create(value));

    public static HostVector128 Load(ref readonly float source, nuint index) => new(Vector128.LoadUnsafe(in source, index));

    public static HostVector128 LoadInt16(ref readonly short source, nuint index)
    {
        long four = Unsafe.ReadUnaligned<long>(ref Unsafe.As<short, byte>(ref Unsafe.Add(ref Unsafe.AsRef(in source), index)));
        return new(Vector128.ConvertToSingle(Vector128.WidenLower(Vector128.CreateScalarUnsafe(four).AsInt16())));
    }

    public static HostVector128 LoadInt8(ref readonly sbyte source, nuint index)
    {
        int four = Unsafe.ReadUnaligned<int>(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref Unsafe.AsRef(in source), index)));
        var shorts = Vector128.WidenLower(Vector128.CreateScalarUnsafe(four).AsSByte());
        return new(Vector128.ConvertToSingle(Vector128.WidenLower(shorts)));
    }

    public static HostVector128 RoundToEven(HostVector128 value) => new(Vector128.Round(value._value));

    public static HostVector128 Min(HostVector128 left, HostVector128 right) => new(Vector128.MinNative(left._value, right._value));

    public static HostVector128 Max(HostVector128 left, HostVector128 right) => new(Vector128.MaxNative(left._value, right._value));

    public static HostVector128 PowerOfTwo(HostVector128 exponent) =>
        new(Vector128.ShiftLeft(Vector128.ConvertToInt32Native(exponent._value) + Vector128.Create(127), 23).AsSingle());


    public void Store(ref float destination, nuint index) => _value.StoreUnsafe(ref destination, index);

    public void StoreInt8(ref sbyte destination, nuint index)
    {
        var integers = Vector128.ConvertToInt32Native(_value);
        var shorts = Vector128.Narrow(integers, integers);
        int four = Vector128.Narrow(shorts, shorts).AsInt32().ToScalar();
        Unsafe.WriteUnaligned(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref destination, index)), four);
    }

    public static HostVector128 operator +(HostVector128 left, HostVector128 right) => new(left._value + right._value);

    public static HostVector128 operator -(HostVector128 left, HostVector128 right) => new(left._value - right._value);

    public static HostVector128 operator *(HostVector128 left, HostVector128 right) => new(left._value * right._value);

    public static HostVector128 operator /(HostVector128 left, HostVector128 right) => new(left._value / right._value);
}
