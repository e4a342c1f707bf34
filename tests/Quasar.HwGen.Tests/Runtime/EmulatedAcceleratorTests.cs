using CsCheck;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Numerics;
using Quasar.Runtime.Emulation;

namespace Quasar.HwGen.Tests.Runtime;

/// <summary>The <c>emu</c> backend computes the kernel's call semantics: every call equals the plain <see cref="StridedGemm"/>.</summary>
public sealed class EmulatedAcceleratorTests
{
    /// <summary>A random call of one of the three kinds with the strides <see cref="KernelOpMapper"/> gives it, and its operands.</summary>
    private static readonly Gen<(KernelOp Op, sbyte[] A, sbyte[] B)> Calls =
        Gen.Select(Gen.Int[0, 2], Gen.Int[1, 4], Gen.Int[1, 40], Gen.Int[1, 24], Gen.Int[1, 70], Gen.Bool, Gen.Int[0, int.MaxValue])
            .Select((kind, heads, tokens, d, n, wide, seed) => Make((GemmOpKind)kind, heads, tokens, d, n, wide, new Random(seed)));

    [Test]
    public void Every_call_equals_the_strided_reference([Values] GemmPath path)
    {
        if (!GemmEngine.IsSupported(path)) Assert.Ignore($"this CPU cannot run {path}");
        var accelerator = new EmulatedAccelerator(path);
        Calls.Sample(c =>
        {
            var call = c.Op.Call;
            int elements = call.Batches * call.M * Math.Max(call.N, call.OutRowStride) * call.OutBytes;
            var expected = new byte[elements];
            var actual = new byte[elements];
            Assert.That(StridedGemm.Run(c.Op, c.A, c.Op.TakesBPerCall ? c.B : c.Op.Weights, expected), Is.EqualTo(GemmStatus.Ok));
            accelerator.Load(c.Op).Run(c.A, c.Op.TakesBPerCall ? c.B : [], actual);
            Assert.That(actual, Is.EqualTo(expected), c.Op.Call.ToString());
        }, iter: PropertyRuns.Scaled(300));
    }

    private static (KernelOp, sbyte[], sbyte[]) Make(GemmOpKind kind, int heads, int tokens, int d, int n, bool wide, Random random)
    {
        int width = heads * d;
        int outBytes = wide ? 2 : 1, outMax = wide ? short.MaxValue : 31, outMin = wide ? short.MinValue : -32;
        int Multiplier() => random.Next(1 << 30, int.MaxValue);
        byte Shift() => (byte)random.Next(28, 41);
        sbyte[] Codes(int count, int min, int max) => [.. Enumerable.Range(0, count).Select(_ => (sbyte)random.Next(min, max + 1))];
        switch (kind)
        {
            case GemmOpKind.Linear:
            {
                var call = new GemmCall(1, tokens, n, width, 0, width, 0, width, 1, 0, n, outBytes, outMin, outMax, 0);
                var is8 = Enumerable.Range(0, n).Select(_ => (byte)random.Next(2)).ToArray();
                var weights = is8.SelectMany(wide8 => wide8 == 1 ? Codes(width, -128, 127) : Codes(width, -8, 7)).ToArray();
                var op = new KernelOp("linear", "out", kind, call, weights, is8,
                    [.. Enumerable.Range(0, n).Select(_ => random.Next(-5000, 5000))], [.. Enumerable.Range(0, n).Select(_ => Multiplier())],
                    [.. Enumerable.Range(0, n).Select(_ => Shift())]);
                return (op, Codes(tokens * width, -32, 31), []);
            }
            case GemmOpKind.AttentionScores:
            {
                var call = new GemmCall(heads, tokens, tokens, d, d, width, d, width, 1, tokens * tokens, tokens, outBytes, outMin, outMax, GemmFlags.PerTensor | GemmFlags.All8Bit);
                var op = new KernelOp("scores", "out", kind, call, [], [1], [0], [Multiplier()], [Shift()]);
                return (op, Codes(tokens * width, -32, 31), Codes(tokens * width, -128, 127));
            }
            default:
            {
                var call = new GemmCall(heads, tokens, d, tokens, tokens * tokens, tokens, d * tokens, tokens, 1, d, width, outBytes, outMin, outMax, GemmFlags.PerTensor | GemmFlags.All8Bit);
                var op = new KernelOp("context", "out", GemmOpKind.AttentionContext, call, [], [1], [0], [Multiplier()], [Shift()]);
                return (op, Codes(heads * tokens * tokens, -32, 31), Codes(tokens * width, -128, 127));
            }
        }
    }
}
