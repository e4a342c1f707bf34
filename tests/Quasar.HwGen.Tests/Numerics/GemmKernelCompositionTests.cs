using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Numerics;

/// <summary>
/// The AVX-VNNI path differs from the AVX2 path in one instruction only (<see cref="AvxVnniDotProduct4"/>). These
/// tests run everything else of it here, with <see cref="SoftwareVnniDotProduct4"/> in the instruction's place, and
/// pin the AVX2 instruction pair to the same lane semantics.
/// </summary>
[TestFixture]
public sealed class GemmKernelCompositionTests
{
    [Test]
    public void The_shared_256_bit_kernel_with_vpdpbusd_semantics_equals_the_reference()
    {
        int problems = 0;
        foreach (var (problem, expected) in GemmCases.WithReference.Where(c => c.Case.Macs <= 20_000).Take(400))
        {
            var packed = PackedWeights.Pack(problem.W, problem.N, problem.K);
            var actual = new int[problem.M * problem.N];

            GemmEngine.MultiplyBlocked<Block256<SoftwareVnniDotProduct4>>(problem.X, problem.M, packed, actual, allowParallel: false);

            Assert.That(actual, Is.EqualTo(expected), problem.ToString());
            problems++;
        }
        Assert.That(problems, Is.EqualTo(400));
    }

    [Test]
    public void The_avx2_instruction_pair_has_the_vpdpbusd_lane_semantics_for_offset_activations()
    {
        Assume.That(Avx2.IsSupported, "not an AVX2 machine");
        var random = new Random(99);
        for (int trial = 0; trial < 2000; trial++)
        {
            var acc = Vector256.Create(random.Next(-1 << 24, 1 << 24));
            var x0 = RandomActivations(random, trial);
            var x1 = RandomActivations(random, trial + 1);
            var w0 = RandomWeights(random, trial);
            var w1 = RandomWeights(random, trial + 1);

            Assert.That(Avx2DotProduct4.Accumulate(acc, x0, w0, x1, w1), Is.EqualTo(SoftwareVnniDotProduct4.Accumulate(acc, x0, w0, x1, w1)), $"trial {trial}");
        }
    }

    [Test]
    public void The_avx_vnni_instruction_has_the_modelled_semantics_where_the_cpu_has_it()
    {
        Assume.That(AvxVnni.IsSupported, "this CPU has no AVX-VNNI (vpdpbusd on 256-bit vectors)");
        var random = new Random(98);
        for (int trial = 0; trial < 2000; trial++)
        {
            var acc = Vector256.Create(random.Next(-1 << 24, 1 << 24));
            var x0 = RandomActivations(random, trial);
            var x1 = RandomActivations(random, trial + 1);
            var w0 = RandomWeights(random, trial);
            var w1 = RandomWeights(random, trial + 1);

            Assert.That(AvxVnniDotProduct4.Accumulate(acc, x0, w0, x1, w1), Is.EqualTo(SoftwareVnniDotProduct4.Accumulate(acc, x0, w0, x1, w1)), $"trial {trial}");
        }
    }

    /// <summary>Offset activations in [0, 63]: uniform, or all 63 every third trial (the int16 worst case).</summary>
    private static Vector256<byte> RandomActivations(Random random, int trial)
    {
        var bytes = new byte[32];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = trial % 3 == 0 ? (byte)63 : (byte)random.Next(64);
        return Vector256.Create<byte>(bytes);
    }

    /// <summary>Any int8 weights: uniform, or all −128 every third trial.</summary>
    private static Vector256<sbyte> RandomWeights(Random random, int trial)
    {
        var bytes = new sbyte[32];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = trial % 3 == 0 ? sbyte.MinValue : (sbyte)random.Next(-128, 128);
        return Vector256.Create<sbyte>(bytes);
    }
}
