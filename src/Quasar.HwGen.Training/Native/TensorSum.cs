using TorchSharp;
using static TorchSharp.torch;

namespace Quasar.HwGen.Training.Native;

/// <summary>
/// Tensor + tensor without TorchSharp's use-after-free race: its <c>a + b</c> and <c>a.add(b)</c> call
/// <c>add(b, 1)</c>, whose implicitly converted Scalar is unreachable once its handle is read, so the finalizer thread
/// may free it while libtorch still reads it (the demo's search failed twice under load in <c>THSTensor_add</c>:
/// "Expected false to be true ... toFloat"). The alpha here is one Scalar held for the process's lifetime; the same
/// race for explicit scalars is avoided by holding them in a <c>using</c> (WeightFakeQuant.RowSteps).
/// </summary>
public static class TensorSum
{
    private static readonly Scalar One = 1.ToScalar();

    /// <summary>a + b, a new tensor.</summary>
    public static Tensor Of(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.add(b, One);
    }

    /// <summary>a += b, in place; returns a.</summary>
    public static Tensor AddInPlace(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.add_(b, One);
    }
}
