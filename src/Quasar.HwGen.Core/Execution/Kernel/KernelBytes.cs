using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Ir;

namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>Tensors as the kernel's byte arrays: 8-bit formats one byte an element, int16 two bytes little endian.</summary>
public static class KernelBytes
{
    /// <summary>The bytes of an integer tensor as the kernel writes (or reads) them.</summary>
    public static byte[] FromTensor(TensorData tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Bytes is { } bytes) return MemoryMarshal.AsBytes(bytes.AsSpan()).ToArray();
        if (tensor.Shorts is { } shorts)
        {
            var result = new byte[shorts.Length * 2];
            for (int i = 0; i < shorts.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(result.AsSpan(2 * i), shorts[i]);
            return result;
        }
        throw new ArgumentException($"{tensor.Type} is not an integer tensor", nameof(tensor));
    }

    /// <summary>The inverse of <see cref="FromTensor"/>.</summary>
    public static TensorData ToTensor(TensorType type, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.Element == ElementType.Int16)
        {
            if (bytes.Length != type.ElementCount * 2) throw new ArgumentException($"{type} needs {type.ElementCount * 2} bytes, got {bytes.Length}", nameof(bytes));
            var shorts = new short[type.ElementCount];
            for (int i = 0; i < shorts.Length; i++) shorts[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]);
            return TensorData.Int16(type, shorts);
        }
        return TensorData.Int8(type, MemoryMarshal.Cast<byte, sbyte>(bytes).ToArray());
    }
}
