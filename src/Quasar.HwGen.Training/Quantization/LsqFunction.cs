using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Quantization;

/// <summary>
/// The LSQ fake quantizer as one autograd node (fewer tensors than the detach formulation, same numbers).
/// Arguments: x, the step s (scalar tensor), then qmin, qmax (int) and the gradient scale g (double).
/// Forward <c>clamp(round_even(x / s), qmin, qmax) · s</c>; backward ∂x = 1 where qmin ≤ x/s ≤ qmax else 0,
/// ∂s = g · Σ grad · (q − x/s inside the range, q outside), q the clamped code.
/// </summary>
public sealed class LsqFunction : autograd.SingleTensorFunction<LsqFunction>
{
    public override string Name => "LsqFakeQuant";

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(vars);
        var x = (Tensor)vars[0];
        var s = (Tensor)vars[1];
        int qmin = (int)vars[2], qmax = (int)vars[3];
        double gradScale = (double)vars[4];
        using var noGrad = no_grad();
        var v = x / s;
        using var codes = v.round().clamp_(qmin, qmax);
        ctx.save_for_backward([v, s]);
        ctx.save_data("qmin", qmin);
        ctx.save_data("qmax", qmax);
        ctx.save_data("g", gradScale);
        return codes * s;
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(grad_output);
        var saved = ctx.get_saved_variables();
        var v = saved[0];
        var s = saved[1];
        int qmin = (int)ctx.get_data("qmin"), qmax = (int)ctx.get_data("qmax");
        double gradScale = (double)ctx.get_data("g");
        using var scope = NewDisposeScope();
        var inside = v.ge(qmin).logical_and_(v.le(qmax));
        var codes = v.round().clamp_(qmin, qmax);
        var gradX = grad_output * inside;
        // inside: round(v) − v; outside: the clamped code (qmin or qmax).
        var stepFactor = codes - v * inside;
        var gradS = (grad_output * stepFactor).sum().mul_(gradScale).reshape(s.shape);
        // One entry per argument of apply: none for qmin, qmax and g.
        return [gradX.MoveToOuterDisposeScope(), gradS.MoveToOuterDisposeScope(), null!, null!, null!];
    }
}
