using System.Diagnostics;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Execution;

namespace Quasar.Runtime.Planning;

/// <summary>
/// The buffers of one frame in flight, allocated once when the session opens: one array per group of tensors that
/// share storage (<see cref="BufferSharing"/>), and a scratch area for the accelerator's operands. Running a frame
/// allocates nothing.
/// </summary>
internal sealed class Frame
{
    private readonly float[]?[] _floats;
    private readonly sbyte[]?[] _bytes;
    private readonly short[]?[] _shorts;

    public Frame(IReadOnlyList<IReadOnlyList<TensorSlot>> groups, int slotCount, int imageBytes, int scratchBytes)
    {
        Image = new byte[imageBytes];
        _floats = new float[]?[slotCount];
        _bytes = new sbyte[]?[slotCount];
        _shorts = new short[]?[slotCount];
        foreach (var group in groups)
        {
            var kind = group[0];
            int n = kind.Type.ElementCount;
            float[]? floats = kind.IsFloat ? new float[n] : null;
            short[]? shorts = kind.IsShort ? new short[n] : null;
            sbyte[]? bytes = floats is null && shorts is null ? new sbyte[n] : null;
            foreach (var slot in group)
            {
                _floats[slot.Index] = floats;
                _shorts[slot.Index] = shorts;
                _bytes[slot.Index] = bytes;
            }
        }
        Scratch = new sbyte[scratchBytes];
    }

    /// <summary>The frame's copy of its input image (C×H×W bytes), so that the caller may reuse its own buffer.</summary>
    public byte[] Image { get; }

    public sbyte[] Scratch { get; }

    public float[] Floats(TensorSlot slot) => _floats[slot.Index] ?? throw NotOf(slot, "float32");

    public sbyte[] Bytes(TensorSlot slot) => _bytes[slot.Index] ?? throw NotOf(slot, "8-bit");

    public short[] Shorts(TensorSlot slot) => _shorts[slot.Index] ?? throw NotOf(slot, "int16");

    /// <summary>The raw bytes of an integer tensor, as the kernel reads or writes them.</summary>
    public Span<byte> Raw(TensorSlot slot) =>
        slot.IsShort ? MemoryMarshal.AsBytes(Shorts(slot).AsSpan()) : MemoryMarshal.AsBytes(Bytes(slot).AsSpan());

    /// <summary>The tensor as the Core's <see cref="TensorData"/> (the frame's array itself, not a copy).</summary>
    public TensorData Read(TensorSlot slot) =>
        slot.IsFloat ? TensorData.Float(slot.Type, Floats(slot))
        : slot.IsShort ? TensorData.Int16(slot.Type, Shorts(slot))
        : TensorData.Int8(slot.Type, Bytes(slot));

    /// <summary>Copies <paramref name="value"/> into the tensor's buffer.</summary>
    public void Write(TensorSlot slot, TensorData value)
    {
        if (slot.IsFloat) Copy(value.Floats, Floats(slot), slot);
        else if (slot.IsShort) Copy(value.Shorts, Shorts(slot), slot);
        else Copy(value.Bytes, Bytes(slot), slot);
    }

    private static void Copy<T>(T[]? source, T[] target, TensorSlot slot)
    {
        if (source is null || source.Length != target.Length)
            throw new UnreachableException($"a step wrote '{slot.Name}' in another type or size than its {slot.Type}");
        source.CopyTo(target, 0);
    }

    private static UnreachableException NotOf(TensorSlot slot, string kind) =>
        new($"the plan has no {kind} buffer for '{slot.Name}' ({slot.Type})");
}
