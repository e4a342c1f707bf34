using System.Numerics;

namespace Quasar.HwGen.Core.Numerics.HostOps.Simd;

/// <summary>
/// A float32 vector of one width with the operations the host kernels use, so that each kernel is written once and
/// instantiated per width. Every operation is the IEEE-754 basic operation lane by lane, so a lane computes the
/// same bits as the scalar code; there is deliberately no fused multiply-add.
/// </summary>
internal interface IHostVector<TSelf> :
    IAdditionOperators<TSelf, TSelf, TSelf>, ISubtractionOperators<TSelf, TSelf, TSelf>,
    IMultiplyOperators<TSelf, TSelf, TSelf>, IDivisionOperators<TSelf, TSelf, TSelf>
    where TSelf : struct, IHostVector<TSelf>
{
    /// <summary>Lanes (float32 elements) per vector.</summary>
    static abstract int Count { get; }

    /// <summary>True when the vector has a NaN lane.</summary>
    bool HasNaN { get; }

    static abstract TSelf Create(float value);

    static abstract TSelf Load(ref readonly float source, nuint index);

    /// <summary>Count int16 values from <paramref name="source"/>[index…], converted exactly to float.</summary>
    static abstract TSelf LoadInt16(ref readonly short source, nuint index);

    /// <summary>Count int8 values from <paramref name="source"/>[index…], converted exactly to float.</summary>
    static abstract TSelf LoadInt8(ref readonly sbyte source, nuint index);

    /// <summary>Round to the nearest integer, ties to even.</summary>
    static abstract TSelf RoundToEven(TSelf value);

    /// <summary>Minimum per lane, for lanes that are not NaN (the platform's instruction: a NaN or ±0 pair gives either operand).</summary>
    static abstract TSelf Min(TSelf left, TSelf right);

    /// <summary>Maximum per lane, for lanes that are not NaN (the platform's instruction: a NaN or ±0 pair gives either operand).</summary>
    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>2ⁿ per lane for integral n in [−126, 127], built from the exponent bits (exact).</summary>
    static abstract TSelf PowerOfTwo(TSelf exponent);


    void Store(ref float destination, nuint index);

    /// <summary>Stores Count lanes, each an integer in [−128, 127] (−0 stores 0), as sbytes at <paramref name="destination"/>[index…].</summary>
    void StoreInt8(ref sbyte destination, nuint index);
}
