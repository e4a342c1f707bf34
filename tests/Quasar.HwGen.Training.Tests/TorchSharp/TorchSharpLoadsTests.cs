using TorchSharp;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Tests.TorchSharp;

/// <summary>TorchSharp loads on this machine through the build's fix, and autograd computes the right numbers.</summary>
[TestFixture]
public sealed class TorchSharpLoadsTests
{
    [Test]
    public void Autograd_gives_the_analytic_gradient_of_a_polynomial()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2, 3, 4 }, requires_grad: true);

        var y = (3 * x * x + x).sum();
        y.backward();

        Assert.That(y.item<float>(), Is.EqualTo(3 * 30 + 10));
        Assert.That(x.grad!.data<float>().ToArray(), Is.EqualTo(new float[] { 7, 13, 19, 25 }));
    }

    [Test]
    public void A_linear_layer_forward_and_backward_match_the_hand_computation()
    {
        using var scope = NewDisposeScope();
        var layer = nn.Linear(2, 1);
        using (no_grad())
        {
            layer.weight!.copy_(tensor(new float[,] { { 0.5f, -1f } }));
            layer.bias!.copy_(tensor(new float[] { 0.25f }));
        }
        var input = tensor(new float[,] { { 2, 1 }, { -1, 3 } });

        var output = layer.forward(input);
        var loss = output.pow(2).sum();
        loss.backward();

        // output = [0.5*2 - 1 + 0.25, -0.5 - 3 + 0.25] = [0.25, -3.25]; dL/dW = sum 2*out*x
        Assert.That(output.data<float>().ToArray(), Is.EqualTo(new[] { 0.25f, -3.25f }));
        Assert.That(layer.weight!.grad!.data<float>().ToArray(), Is.EqualTo(new[] { 2 * 0.25f * 2 + 2 * -3.25f * -1, 2 * 0.25f * 1 + 2 * -3.25f * 3 }));
        Assert.That(layer.bias!.grad!.data<float>().ToArray(), Is.EqualTo(new[] { 2 * 0.25f + 2 * -3.25f }));
    }

    [Test]
    public void The_loaded_native_library_is_the_patched_copy_in_the_output_not_a_fallback()
    {
        _ = ones(1);
        var output = AppContext.BaseDirectory;
        var regular = Path.Combine(output, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!OperatingSystem.IsLinux()) Assert.Ignore("Linux only");

        Assert.That(File.Exists(regular), Is.True, regular);
        Assert.That(Directory.Exists(Path.Combine(output, "cpu")), Is.False,
            "TorchSharp created its cpu/ fallback folder: the regular load of libLibTorchSharp.so failed");
    }
}
