using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Numerics.HostOps;
using Quasar.HwGen.Tests.Csim;
using Quasar.Runtime;
using Quasar.Runtime.Emulation;

namespace Quasar.HwGen.Tests.Runtime;

/// <summary>The runtime computes what the Core's reference interpreter computes, bit for bit, however it runs.</summary>
public sealed class InferenceSessionTests
{
    private static readonly Lazy<(IrGraph Graph, SearchSpace Space)> Fashion = new(() =>
    {
        var subnet = SampleConfigs.LoadSubnet(SampleConfigs.FashionMnistLargest);
        var space = SampleConfigs.LoadSearchSpace(subnet.SpaceName);
        return (KernelSweep.Lower(space, subnet, seed: 3), space);
    });

    private static byte[][] Images(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => KernelSweep.RandomImage(Fashion.Value.Space, random))];
    }

    private static float[] Reference(IrGraph graph, byte[] image) => new IrInterpreter(graph, new EmulatedEngine()).Run(image);

    [TestCase(true, 1, HostSimd.Auto)]
    [TestCase(true, 2, HostSimd.Auto)]
    [TestCase(true, 2, HostSimd.Scalar)]
    [TestCase(true, 2, HostSimd.Vector128)]
    [TestCase(false, 2, HostSimd.Auto)]
    public void Logits_equal_the_reference_interpreter_bit_for_bit(bool fuse, int framesInFlight, HostSimd simd)
    {
        if (!HostSimdPaths.IsSupported(simd)) Assert.Ignore($"this CPU does not accelerate {simd}");
        var graph = Fashion.Value.Graph;
        var images = Images(24, seed: 11);
        using var session = new InferenceSession(graph, new EmulatedAccelerator(), new SessionOptions { Fuse = fuse, FramesInFlight = framesInFlight, Simd = simd });
        var logits = new float[images.Length * session.Classes];
        session.Run(images.Length, i => images[i], logits);
        for (int i = 0; i < images.Length; i++)
        {
            var expected = Reference(graph, images[i]);
            var actual = logits.AsSpan(i * session.Classes, session.Classes).ToArray();
            Assert.That(BitsOf(actual), Is.EqualTo(BitsOf(expected)), $"image {i}");
        }
        Assert.That(session.Statistics.Frames, Is.EqualTo(images.Length));
    }

    [Test]
    public void Fused_plan_has_one_step_per_fused_pass()
    {
        using var fused = new InferenceSession(Fashion.Value.Graph, new EmulatedAccelerator());
        using var plain = new InferenceSession(Fashion.Value.Graph, new EmulatedAccelerator(), new SessionOptions { Fuse = false });
        Assert.That(plain.StepCount, Is.EqualTo(Fashion.Value.Graph.Ops.Count));
        Assert.That(fused.StepCount, Is.LessThan(plain.StepCount));
    }

    [Test]
    public void One_image_at_a_time_equals_a_batch()
    {
        var images = Images(4, seed: 5);
        using var session = new InferenceSession(Fashion.Value.Graph, new EmulatedAccelerator());
        var batch = new float[images.Length * session.Classes];
        session.Run(images.Length, i => images[i], batch);
        for (int i = 0; i < images.Length; i++)
            Assert.That(BitsOf(session.Run(images[i])), Is.EqualTo(BitsOf(batch.AsSpan(i * session.Classes, session.Classes).ToArray())));
    }

    [Test]
    public void An_image_of_the_wrong_size_is_refused_naming_both_sizes()
    {
        using var session = new InferenceSession(Fashion.Value.Graph, new EmulatedAccelerator());
        var e = Assert.Throws<InvalidDataException>(() => session.Run(new byte[32 * 32]));
        Assert.That(e!.Message, Is.EqualTo("the image has 1024 bytes; the model takes 1x28x28 = 784 bytes (channels × height × width, one byte a pixel)"));
        var logits = new float[2 * session.Classes];
        var batch = Assert.Throws<InvalidDataException>(() => session.Run(2, i => new byte[i == 0 ? 784 : 100], logits));
        Assert.That(batch!.Message, Does.StartWith("image 1 has 100 bytes; the model takes 1x28x28"));
    }

    private static int[] BitsOf(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
}
