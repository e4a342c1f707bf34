using System.Globalization;

namespace Quasar.HwGen.Vitis.Csim;

/// <summary>The compiled kernel and the emulation disagree: the first differing element of one op's output.</summary>
public sealed class KernelMismatchException(string layer, string tensor, int image, int row, int column, int expected, int actual, string? detail)
    : Exception(string.Create(CultureInfo.InvariantCulture,
        $"MISMATCH layer={layer} tensor={tensor} image={image} index=[{row},{column}] expected={expected} got={actual}{(detail is null ? "" : ": " + detail)}"))
{
    public string Layer { get; } = layer;

    public string Tensor { get; } = tensor;

    public int Image { get; } = image;

    public int Row { get; } = row;

    public int Column { get; } = column;
}
