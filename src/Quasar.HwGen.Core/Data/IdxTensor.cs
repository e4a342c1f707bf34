namespace Quasar.HwGen.Core.Data;

/// <summary>The contents of one IDX file: its element type, its dimensions and its raw data in file order.</summary>
/// <remarks>Multi-byte elements stay big-endian in <see cref="Data"/>, as in the file; Fashion-MNIST uses bytes only.</remarks>
public sealed record IdxTensor(IdxElementType ElementType, IReadOnlyList<int> Dimensions, byte[] Data)
{
    public long ElementCount => Dimensions.Aggregate(1L, (product, d) => product * d);

    public static int ElementSize(IdxElementType type) => type switch
    {
        IdxElementType.UnsignedByte or IdxElementType.SignedByte => 1,
        IdxElementType.Int16 => 2,
        IdxElementType.Int32 or IdxElementType.Float32 => 4,
        IdxElementType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an IDX element type"),
    };
}
