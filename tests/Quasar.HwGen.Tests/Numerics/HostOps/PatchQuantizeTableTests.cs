using CsCheck;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>Patchify + quantize as a per-channel lookup equals Patchify then Quantizer, bit for bit.</summary>
[TestFixture]
public sealed class PatchQuantizeTableTests
{
    [Test]
    public void The_lookup_equals_the_reference_then_quantize()
    {
        Gen.Select(Gen.Int[1, 3], Gen.OneOf(Gen.Const((28, 4)), Gen.Const((12, 3)), Gen.Const((8, 8)), Gen.Const((64, 16)), Gen.Const((96, 16)), Gen.Const((72, 8))), Gen.Float[-1f, 1f].Array[3], Gen.Float[0.1f, 1f].Array[3],
            HostGens.Steps, HostGens.Ranges).SelectMany((channels, geometry, mean, std, step, range) =>
                Gen.Byte.Array[channels * geometry.Item1 * geometry.Item1].Select(image => (channels, geometry, mean[..channels], std[..channels], step, range, image)))
            .Sample(c =>
            {
                var (size, patch) = c.geometry;
                var normalized = new float[c.image.Length];
                Patchify.Apply(c.image, size, patch, c.Item3, c.Item4, normalized);
                var expected = new sbyte[c.image.Length];
                Quantizer.Apply(normalized, c.step, c.range.Min, c.range.Max, expected, HostSimd.Scalar);

                var table = PatchQuantizeTable.Create(c.Item3, c.Item4, c.step, c.range.Min, c.range.Max);
                var looked = new sbyte[c.image.Length];
                table.Apply(c.image, size, patch, looked);

                Assert.That(looked, Is.EqualTo(expected));
            }, iter: PropertyRuns.Scaled(300));
    }

    [Test]
    public void Patches_are_in_raster_order_with_channel_major_columns()
    {
        // 2 channels of 4×4, patches of 2: patch 1 (top right) column (c·2 + i)·2 + j is pixel (c, i, 2 + j).
        var image = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var patches = new float[32];

        Patchify.Apply(image, 4, 2, [0f, 0f], [1f / 255, 1f / 255], patches);

        var patch1 = patches.AsSpan(8, 8).ToArray().Select(v => (int)MathF.Round(v)).ToArray();
        Assert.That(patch1, Is.EqualTo(new[] { 2, 3, 6, 7, 18, 19, 22, 23 }));
    }
}
