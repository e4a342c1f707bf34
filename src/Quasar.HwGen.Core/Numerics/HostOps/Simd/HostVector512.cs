using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Quasar.HwGen.Core.Numerics.HostOps.Simd;

/// <summary>Sixteen float32 lanes: AVX-512 on x64.</summary>
internal readonly struct HostVector512(Vector512<float> value) : IHostVector<HostVector512>
{
    private readonly Vector512<float> _value = value;

    public static int Count => Vector512<float>.Count;

    public bool HasNaN => !Vector512.EqualsAll(_value, _value);

    public static HostVector512 Create(float value) => new(Vector512.Create(value));

    public static HostVector512 Load(ref readonly float source, nuint index) => new(Vector512.LoadUnsafe(in source, index));

    public static HostVector512 LoadInt16(ref readonly short source, nuint index)
    {
        var sixteen = Vector256.LoadUnsafe(in source, index).ToVector512Unsafe();
        return new(Vector512.ConvertToSingle(Vector512.WidenLower(sixteen)));
    }

    public static HostVector512 LoadInt8(ref readonly sbyte source, nuint index)
    {
        var shorts = Vector256.WidenLower(Vector128.LoadUnsafe(in source, index).ToVector256Unsafe()).ToVector512Unsafe();
        return new(Vector512.ConvertToSingle(Vector512.WidenLower(shorts)));
    }

    public static HostVector512 RoundToEven(HostVector512 value) => new(Vector512.Round(value._value));

    public static HostVector512 Min(HostVector512 left, HostVector512 right) => new(Vector512.MinNative(left._value, right._value));

    public static HostVector512 Max(HostVector512 left, HostVector512 right) => new(Vector512.MaxNative(left._value, right._value));

    public static HostVector512 PowerOfTwo(HostVector512 exponent) =>
        new(Vector512.ShiftLeft(Vector512.ConvertToInt32Native(exponent._value) + Vector512.Create(127), 23).AsSingle());


    public void Store(ref float destination, nuint index) => _value.StoreUnsafe(ref destination, index);

    public void StoreInt8(ref sbyte destination, nuint index)
    {
        var integers = Vector512.ConvertToInt32Native(_value);
        if (Avx512F.IsSupported)
        {
            Avx512F.ConvertToVector128SByte(integers).StoreUnsafe(ref destination, index); // vpmovdb
            return;
        }
        var shorts = Vector256.Narrow(integers.GetLower(), integers.GetUpper());
        Vector128.Narrow(shorts.GetLower(), shorts.GetUpper()).StoreUnsafe(ref destination, index);
    }

    public static HostVector512 operator +(HostVector512 left, HostVector512 right) => new(left._value + right._value);

    public static HostVector512 operator -(HostVector512 left, HostVector512 right) => new(left._value - right._value);

    public static HostVector512 operator *(HostVector512 left, HostVector512 right) => new(left._value * right._value);

    public static HostVector512 operator /(HostVector512 left, HostVector512 right) => new(left._value / right._value);
}
