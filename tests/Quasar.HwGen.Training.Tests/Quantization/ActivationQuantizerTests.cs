using Quasar.HwGen.Training.Quantization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Tests.Quantization;

/// <summary>The LSQ activation quantizer: host quantization of numerics.md §1 forward, LSQ gradients backward.</summary>
[TestFixture]
public sealed class ActivationQuantizerTests
{
    [Test]
    public void Forward_is_clamp_of_round_even_of_x_over_step_times_step()
    {
        using var quantizer = new ActivationQuantizer("q", ActivationQuantizer.SixBitMax);
        quantizer.SetStep(0.25f);
        float[] x = [0.125f, 0.375f, -0.125f, 7.75f, 8.5f, -8f, -9f, 1.1f];
        using var input = tensor(x);
        using var output = quantizer.forward(input);
        var expected = x.Select(v => Math.Clamp(MathF.Round(v / 0.25f, MidpointRounding.ToEven), -32f, 31f) * 0.25f).ToArray();
        Assert.That(output.data<float>().ToArray(), Is.EqualTo(expected));
        Assert.That(expected[0], Is.EqualTo(0f), "0.5 rounds to even 0");
        Assert.That(expected[4], Is.EqualTo(7.75f), "8.5 saturates at 31 steps");
    }

    [Test]
    public void Gradients_are_the_LSQ_gradients_of_the_reference_formulation()
    {
        using var scope = NewDisposeScope();
        const int qmax = 31;
        var x = (randn(4, 10) * 3).requires_grad_(true);
        var upstream = randn(4, 10);
        using var quantizer = new ActivationQuantizer("q", qmax);
        quantizer.SetStep(0.1f);
        (quantizer.forward(x) * upstream).sum().backward();

        // LSQ's reference code: grad_scale and round_pass by detach, N = 10 elements per sample.
        double g = 1.0 / Math.Sqrt(10 * qmax);
        var xr = x.detach().clone().requires_grad_(true);
        var s = tensor(quantizer.StepValue).requires_grad_(true);
        var sScaled = s * g;
        var sForward = s.detach() + (sScaled - sScaled.detach());
        var v = (xr / sForward).clamp(-qmax - 1, qmax);
        var rounded = v.round().detach() + (v - v.detach());
        (rounded * sForward * upstream).sum().backward();

        Assert.That(x.grad!.data<float>().ToArray(), Is.EqualTo(xr.grad!.data<float>().ToArray()).Within(1e-6f));
        // The parameter is θ = log s: ∂L/∂θ = s·∂L/∂s.
        Assert.That(quantizer.LogStep.grad!.item<float>(), Is.EqualTo(0.1f * s.grad!.item<float>()).Within(1e-5));
    }

    [Test]
    public void The_first_training_batch_sets_the_step_to_twice_the_mean_magnitude_over_sqrt_qmax()
    {
        using var quantizer = new ActivationQuantizer("q", ActivationQuantizer.Int8Max);
        quantizer.train();
        using var input = tensor(new float[] { 1, -3, 2, -2 });
        using var output = quantizer.forward(input);
        Assert.That(quantizer.IsInitialized, Is.True);
        Assert.That(quantizer.StepValue, Is.EqualTo(2f * 2f / MathF.Sqrt(127)).Within(1e-6f));

        using var again = quantizer.forward(input * 10);
        Assert.That(quantizer.StepValue, Is.EqualTo(2f * 2f / MathF.Sqrt(127)).Within(1e-6f), "only the first batch initializes");
    }

    [Test]
    public void The_step_stays_positive_however_hard_the_optimizer_pushes()
    {
        using var quantizer = new ActivationQuantizer("q", ActivationQuantizer.SixBitMax);
        quantizer.SetStep(0.008f);
        using var optimizer = new AdamW(quantizer.parameters(), 1e-2);
        using var input = tensor(new float[] { 0.01f, 0.2f, 0.5f, 0.02f });
        for (int i = 0; i < 200; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            quantizer.forward(input).sum().backward(); // the loss falls as the step shrinks: a constant push towards zero
            optimizer.step();
        }
        Assert.That(quantizer.StepValue, Is.GreaterThan(0f).And.LessThan(0.008f));
    }
}
