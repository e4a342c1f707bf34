using System.Runtime.Intrinsics;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>Choosing the width of the host kernels.</summary>
[TestFixture]
public sealed class HostSimdPathsTests
{
    [Test]
    public void Auto_is_the_widest_accelerated_width_up_to_256_bits()
    {
        var expected = Vector256.IsHardwareAccelerated ? HostSimd.Vector256
            : Vector128.IsHardwareAccelerated ? HostSimd.Vector128 : HostSimd.Scalar;

        Assert.That(HostSimdPaths.Resolve(HostSimd.Auto), Is.EqualTo(expected));
        Assert.That(HostSimdPaths.Resolve(HostSimd.Scalar), Is.EqualTo(HostSimd.Scalar));
    }

    [Test]
    public void An_unaccelerated_width_is_refused_and_an_unknown_one_too()
    {
        foreach (var simd in new[] { HostSimd.Vector128, HostSimd.Vector256, HostSimd.Vector512 }.Where(s => !HostSimdPaths.IsSupported(s)))
            Assert.Throws<PlatformNotSupportedException>(() => HostSimdPaths.Resolve(simd));
        Assert.Throws<ArgumentOutOfRangeException>(() => HostSimdPaths.Resolve((HostSimd)42));
    }
}
