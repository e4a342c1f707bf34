using Quasar.Runtime.App.Inputs;

namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>The random images of `quasar-run --random` come from SplitMix64 as published, byte order fixed.</summary>
[TestFixture]
public sealed class SplitMix64Tests
{
    [Test]
    public void It_gives_the_reference_implementation_s_outputs()
    {
        // The first outputs of Vigna's splitmix64.c seeded with 1234567.
        var generator = new SplitMix64(1234567);
        ulong[] outputs = [.. Enumerable.Range(0, 5).Select(_ => generator.Next())];
        Assert.That(outputs, Is.EqualTo(new ulong[] { 6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821 }));
    }

    [Test]
    public void Bytes_are_the_outputs_in_little_endian_order_the_last_one_cut_short()
    {
        var bytes = new byte[11];
        new SplitMix64(1234567).Fill(bytes);
        var reference = new SplitMix64(1234567);
        byte[] expected = [.. BitConverter.GetBytes(reference.Next()), .. BitConverter.GetBytes(reference.Next())[..3]];
        Assume.That(BitConverter.IsLittleEndian);
        Assert.That(bytes, Is.EqualTo(expected));
    }
}
