using System.Globalization;
using System.Text;

namespace Quasar.Runtime.App.Inputs;

/// <summary>
/// Binary PGM (P5) and PPM (P6) with a maximum value up to 255: the header's width, height, channels (1 or 3) and the
/// interleaved 8-bit samples as the file holds them. Written here because StbImageSharp does not read PNM.
/// </summary>
internal static class PortableAnymap
{
    public static bool IsAnymap(ReadOnlySpan<byte> file) => file.Length >= 2 && file[0] == (byte)'P' && (file[1] == (byte)'5' || file[1] == (byte)'6');

    /// <summary>Decodes <paramref name="file"/>; a malformed header or short data throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static (int Width, int Height, int Channels, byte[] Samples) Decode(byte[] file)
    {
        if (!IsAnymap(file)) throw new InvalidDataException("not a binary PGM (P5) or PPM (P6)");
        int channels = file[1] == (byte)'5' ? 1 : 3;
        int position = 2;
        int width = Field(file, ref position, "width"), height = Field(file, ref position, "height"), maximum = Field(file, ref position, "maximum value");
        if (maximum is < 1 or > 255) throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"maximum value {maximum}: only 8-bit samples (1..255) are read"));
        if (position >= file.Length || !IsSpace(file[position])) throw new InvalidDataException("no whitespace after the header");
        position++;
        long size = (long)width * height * channels;
        if (file.Length - position < size)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{file.Length - position} bytes of samples, {width}x{height}x{channels} = {size} expected"));
        return (width, height, channels, file.AsSpan(position, (int)size).ToArray());
    }

    private static int Field(byte[] file, ref int position, string name)
    {
        while (position < file.Length && (IsSpace(file[position]) || file[position] == (byte)'#'))
        {
            if (file[position] == (byte)'#') while (position < file.Length && file[position] != (byte)'\n') position++;
            else position++;
        }
        int start = position;
        while (position < file.Length && file[position] is >= (byte)'0' and <= (byte)'9') position++;
        if (position == start || !int.TryParse(Encoding.ASCII.GetString(file, start, position - start), NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
            throw new InvalidDataException($"the header's {name} is missing or not a positive number");
        return value;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\v' or (byte)'\f';
}
