using Quasar.HwGen.Training.Model;
using Quasar.HwGen.Training.Quantization;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Tests.Model;

/// <summary>The bias of a quantized linear sits on the accumulator grid s_x·s_w[r], as the integer lowering rounds it.</summary>
[TestFixture]
public sealed class BiasFakeQuantTests
{
    [Test]
    public void With_an_input_step_the_output_is_the_integer_accumulator_plus_the_rounded_bias_times_its_unit()
    {
        manual_seed(7);
        using var linear = new ElasticLinear("fc", 8, 4);
        using (no_grad()) linear.Bias.copy_(tensor(new[] { 0.0123f, -0.4567f, 0.25f, 1.5e-3f }));
        const float step = 0.0625f;
        linear.InputStep = () => step;
        var slice = new LinearSlice(Out: 4, In: 8, Row8: 0.5);
        using var codes = randint(-32, 32, [3, 8], dtype: ScalarType.Float32);
        using var x = codes * step;
        using var y = linear.forward(x, slice);

        var (w, _) = linear.Slice(slice);
        using var qmax = WeightFakeQuant.QMaxColumn(linear.RowMap(slice));
        var (wCodes, wSteps) = WeightFakeQuant.Quantize(w, qmax);
        var wq = wCodes.data<float>().ToArray();
        var sw = wSteps.data<float>().ToArray();
        var xc = codes.data<float>().ToArray();
        var bias = linear.Bias.data<float>().ToArray();
        var actual = y.data<float>().ToArray();
        for (int t = 0; t < 3; t++)
        {
            for (int r = 0; r < 4; r++)
            {
                double unit = (double)step * sw[r];
                double acc = 0;
                for (int k = 0; k < 8; k++) acc += xc[t * 8 + k] * wq[r * 8 + k];
                double expected = (acc + Math.Round(bias[r] / unit, MidpointRounding.ToEven)) * unit;
                Assert.That(actual[t * 4 + r], Is.EqualTo(expected).Within(1e-5), $"token {t}, row {r}");
            }
        }
    }

    [Test]
    public void The_bias_gradient_passes_straight_through_the_rounding()
    {
        using var linear = new ElasticLinear("fc", 4, 2);
        linear.InputStep = () => 0.5f;
        using var x = ones(1, 4);
        using var y = linear.forward(x, new LinearSlice(Out: 2, In: 4, Row8: 0.0));
        using var loss = y.sum();
        loss.backward();
        Assert.That(linear.Bias.grad!.data<float>().ToArray(), Is.EqualTo(new[] { 1f, 1f }));
    }
}
