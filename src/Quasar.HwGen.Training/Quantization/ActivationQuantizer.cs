using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Quasar.HwGen.Training.Native;

namespace Quasar.HwGen.Training.Quantization;

/// <summary>
/// A per-tensor fake quantizer with a learned step (LSQ, Esser et al. 2020): forward
/// <c>clamp(round_even(x / s), qmin, qmax) · s</c> with <c>x / s</c> a float division (docs/numerics.md §1, host
/// quantization); backward the straight-through estimator for x (1 inside the range, 0 outside) and the LSQ step
/// gradient (round(x/s) − x/s inside, qmin or qmax outside) scaled by g = 1/sqrt(N·qmax), N the elements per sample.
/// The step starts at 2·mean|x|/sqrt(qmax) of the first training batch it sees; a buffer records that it did.
/// The parameter is log s (s = exp θ): AdamW moves every parameter by about lr per step whatever its gradient's scale,
/// which drove small steps such as the softmax output's (≈ 0.008) through zero within 500 steps at lr 1e-3 and killed
/// those quantizers; in log space a step changes by about lr relative per update and stays positive.
/// </summary>
public sealed class ActivationQuantizer : nn.Module<Tensor, Tensor>
{
    /// <summary>6-bit signed activations: [−32, 31].</summary>
    public const int SixBitMax = 31;

    /// <summary>int8 attention operands (K, V): [−128, 127].</summary>
    public const int Int8Max = 127;

    private readonly Parameter log_step;
    private readonly Tensor initialized;

    public ActivationQuantizer(string name, int qmax) : base(name)
    {
        QMax = qmax;
        QMin = -qmax - 1;
        log_step = new Parameter(tensor(0f), requires_grad: true);
        initialized = tensor(0f);
        RegisterComponents();
    }

    public int QMax { get; }

    public int QMin { get; }

    /// <summary>False: the identity (a float baseline, or a float teacher).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The parameter: log of the step (a scalar).</summary>
    public Parameter LogStep => log_step;

    public bool IsInitialized => initialized.item<float>() != 0f;

    /// <summary>The step the forward computes with, exp(θ) in float32 as libtorch evaluates it.</summary>
    public float StepValue
    {
        get
        {
            using var noGrad = no_grad();
            using var value = log_step.exp();
            return value.item<float>();
        }
    }

    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Enabled) return input.alias();
        if (training && !IsInitialized) InitializeFrom(input);

        long perSample = input.shape.Length > 1 ? input.numel() / input.shape[0] : input.numel();
        double gradScale = 1.0 / Math.Sqrt(perSample * (double)QMax);

        // LSQ's reference formulation in native autograd ops (a managed autograd function would hand its saved and
        // returned tensors to the GC from the autograd thread, which leaks native memory between collections).
        using var scope = NewDisposeScope();
        // Explicit scalars, held to the end: see WeightFakeQuant.RowSteps.
        using var scale = gradScale.ToScalar();
        using var low = QMin.ToScalar();
        using var high = QMax.ToScalar();
        var s = log_step.exp();
        var sScaled = s.mul(scale);
        var sForward = TensorSum.Of(s.detach(), sScaled - sScaled.detach()); // value exactly s, gradient scaled by g
        var v = (input / sForward).clamp(low, high);
        var rounded = TensorSum.Of(v.round().detach(), v - v.detach()); // value exactly round(v), gradient identity (STE)
        return (rounded * sForward).MoveToOuterDisposeScope();
    }

    /// <summary>Sets the step to 2·mean|x|/sqrt(qmax) (LSQ's initialization) and marks it initialized.</summary>
    public void InitializeFrom(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var noGrad = no_grad();
        using var meanAbs = input.detach().abs().mean();
        float value = 2f * meanAbs.item<float>() / MathF.Sqrt(QMax);
        SetLogStep(MathF.Log(value > 0 ? value : 1e-8f));
    }

    /// <summary>Overwrites the step (tests, or importing a calibrated value).</summary>
    public void SetStep(float value)
    {
        using var noGrad = no_grad();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        SetLogStep(MathF.Log(value));
    }

    private void SetLogStep(float logStep)
    {
        using var logValue = logStep.ToScalar();
        using var one = 1f.ToScalar();
        log_step.fill_(logValue);
        initialized.fill_(one);
    }
}
