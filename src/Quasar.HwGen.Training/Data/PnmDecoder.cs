using System.Text;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Training.Data;

/// <summary>
/// Netpbm images: PGM (P2 text, P5 binary; grayscale) and PPM (P3 text, P6 binary; RGB), maxval up to 65535
/// (16-bit samples are big-endian, as the format says), scaled to 0..255.
/// </summary>
public sealed class PnmDecoder : IImageDecoder
{
    /// <summary>A 16-bit RGB image of 8,000 x 8,000 pixels; far above any training image.</summary>
    private const long SizeCap = 512L << 20;

    private static readonly string[] Extensions = [".pgm", ".ppm", ".pnm"];

    public bool CanDecode(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    public DecodedImage Decode(string path)
    {
        byte[] data = BoundedFile.ReadAllBytes(path, SizeCap); // a FIFO among the images would block forever
        int position = 0;
        string magic = Token(data, ref position, path);
        (int channels, bool binary) = magic switch
        {
            "P2" => (1, false),
            "P5" => (1, true),
            "P3" => (3, false),
            "P6" => (3, true),
            _ => throw new InvalidDataException($"{path}: not a PGM/PPM image (magic '{magic}', expected P2, P3, P5 or P6)"),
        };
        int width = Number(data, ref position, path, "width");
        int height = Number(data, ref position, path, "height");
        int maxValue = Number(data, ref position, path, "maxval");
        if (width <= 0 || height <= 0 || maxValue is <= 0 or > 65535)
            throw new InvalidDataException($"{path}: bad header (width {width}, height {height}, maxval {maxValue})");

        int samples = width * height * channels;
        var pixels = new byte[samples];
        if (binary)
        {
            position++; // exactly one whitespace byte after maxval
            int bytesPerSample = maxValue > 255 ? 2 : 1;
            if (data.Length - position < (long)samples * bytesPerSample)
                throw new InvalidDataException($"{path}: truncated: {samples} samples of {bytesPerSample} byte(s) need {samples * bytesPerSample} bytes, {data.Length - position} left");
            for (int i = 0; i < samples; i++)
            {
                int value = bytesPerSample == 1 ? data[position + i] : (data[position + 2 * i] << 8) | data[position + 2 * i + 1];
                pixels[i] = Scale(value, maxValue, path);
            }
        }
        else
        {
            for (int i = 0; i < samples; i++) pixels[i] = Scale(Number(data, ref position, path, "sample"), maxValue, path);
        }
        return new DecodedImage(width, height, channels, pixels);
    }

    private static byte Scale(int value, int maxValue, string path)
    {
        if (value > maxValue) throw new InvalidDataException($"{path}: sample {value} above maxval {maxValue}");
        return maxValue == 255 ? (byte)value : (byte)((value * 255 + maxValue / 2) / maxValue);
    }

    private static int Number(byte[] data, ref int position, string path, string what)
    {
        string token = Token(data, ref position, path);
        return int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new InvalidDataException($"{path}: {what} '{token}' is not a number");
    }

    /// <summary>The next whitespace-separated token, skipping '#' comments to the end of their line.</summary>
    private static string Token(byte[] data, ref int position, string path)
    {
        while (position < data.Length)
        {
            if (data[position] == '#')
                while (position < data.Length && data[position] != '\n') position++;
            else if (char.IsWhiteSpace((char)data[position])) position++;
            else break;
        }
        int start = position;
        while (position < data.Length && !char.IsWhiteSpace((char)data[position]) && data[position] != '#') position++;
        if (start == position) throw new InvalidDataException($"{path}: truncated header");
        return Encoding.ASCII.GetString(data, start, position - start);
    }
}
