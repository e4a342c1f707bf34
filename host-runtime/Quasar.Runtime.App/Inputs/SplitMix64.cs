using System.Buffers.Binary;

namespace Quasar.Runtime.App.Inputs;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014), spelled out here because System.Random's algorithm is an implementation
/// detail: the same seed must give the same images on x64 and arm64, in this version of .NET and the next.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>Fills <paramref name="bytes"/> with successive outputs, each as 8 little-endian bytes (the last one cut short).</summary>
    public void Fill(Span<byte> bytes)
    {
        Span<byte> word = stackalloc byte[sizeof(ulong)];
        for (int i = 0; i < bytes.Length; i += word.Length)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(word, Next());
            word[..Math.Min(word.Length, bytes.Length - i)].CopyTo(bytes[i..]);
        }
    }
}
