using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Quasar.HwGen.Core.Numerics.HostOps;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>Choosing the width of the host kernels.</summary>
[TestFixture]
public sealed class HostSimdPathsTests
{
    [Test]
    public void Auto_is_the_widest_accelerated_width_but_256_bits_on_zen_4()
    {
        bool zen4 = X86Base.IsSupported && IsZen4(X86Base.CpuId(0, 0), X86Base.CpuId(1, 0).Eax);
        var expected = Vector512.IsHardwareAccelerated && !zen4 ? HostSimd.Vector512
            : Vector256.IsHardwareAccelerated ? HostSimd.Vector256
            : Vector128.IsHardwareAccelerated ? HostSimd.Vector128 : HostSimd.Scalar;

        Assert.That(HostSimdPaths.Resolve(HostSimd.Auto), Is.EqualTo(expected));
        Assert.That(HostSimdPaths.Resolve(HostSimd.Scalar), Is.EqualTo(HostSimd.Scalar));
    }

    [TestCase(0x00A10F11, true, TestName = "EPYC 9654 (Zen 4, family 19h)")]
    [TestCase(0x00A60F12, true, TestName = "Ryzen 7 7840U (Zen 4, family 19h)")]
    [TestCase(0x00B00F21, false, TestName = "EPYC 9005 (Zen 5, family 1Ah)")]
    [TestCase(0x00830F10, false, TestName = "EPYC 7002 (Zen 2, family 17h)")]
    public void Zen_4_is_told_by_its_cpuid_family(int signature, bool zen4) =>
        Assert.That(HostSimdPaths.IsAmdFamily19h(Amd[0], Amd[1], Amd[2], signature), Is.EqualTo(zen4));

    [Test]
    public void An_intel_core_is_never_taken_for_zen_4() =>
        Assert.That(HostSimdPaths.IsAmdFamily19h(Intel[0], Intel[1], Intel[2], 0x00A10F11), Is.False);

    /// <summary>"AuthenticAMD" and "GenuineIntel" as CPUID 0 returns them: EBX, EDX, ECX.</summary>
    private static readonly int[] Amd = [0x68747541, 0x69746E65, 0x444D4163], Intel = [0x756E6547, 0x49656E69, 0x6C65746E];

    private static bool IsZen4((int Eax, int Ebx, int Ecx, int Edx) vendor, int signature) =>
        HostSimdPaths.IsAmdFamily19h(vendor.Ebx, vendor.Edx, vendor.Ecx, signature);

    [Test]
    public void An_unaccelerated_width_is_refused_and_an_unknown_one_too()
    {
        foreach (var simd in new[] { HostSimd.Vector128, HostSimd.Vector256, HostSimd.Vector512 }.Where(s => !HostSimdPaths.IsSupported(s)))
            Assert.Throws<PlatformNotSupportedException>(() => HostSimdPaths.Resolve(simd));
        Assert.Throws<ArgumentOutOfRangeException>(() => HostSimdPaths.Resolve((HostSimd)42));
    }
}
