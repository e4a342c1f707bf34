namespace Quasar.HwGen.Core.Numerics.HostOps.Simd;

/// <summary>
/// An element-wise float32 formula over some input spans: element i as a scalar, or elements i … i+Count−1 as a
/// vector. Both forms must perform the same IEEE operations in the same order, so every width gives the same bits.
/// </summary>
internal interface IElementMap
{
    /// <summary>True when the formula cannot give NaN for any input, so a quantizing loop need not look for one.</summary>
    static virtual bool NeverNaN => false;

    float Scalar(int index);

    TVector Vector<TVector>(int index) where TVector : struct, IHostVector<TVector>;
}
