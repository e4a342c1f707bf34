namespace Quasar.HwGen.Training.Data;

/// <summary>A decoded 8-bit image, pixels interleaved row by row (H·W·C, channel fastest).</summary>
public sealed record DecodedImage(int Width, int Height, int Channels, byte[] Pixels)
{
    public byte At(int x, int y, int c) => Pixels[(y * Width + x) * Channels + c];
}
