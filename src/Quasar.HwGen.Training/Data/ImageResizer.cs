namespace Quasar.HwGen.Training.Data;

/// <summary>Fits a decoded image to a square network input: channel conversion, shorter side resized to the size
/// (bilinear, pixel centres aligned), then a centre crop — the usual evaluation transform of image-folder datasets.</summary>
public static class ImageResizer
{
    public static DecodedImage Fit(DecodedImage image, int size, int channels)
    {
        ArgumentNullException.ThrowIfNull(image);
        var converted = ConvertChannels(image, channels);
        if (converted.Width == size && converted.Height == size) return converted;
        double scale = (double)size / Math.Min(converted.Width, converted.Height);
        int scaledWidth = Math.Max(size, (int)Math.Round(converted.Width * scale)), scaledHeight = Math.Max(size, (int)Math.Round(converted.Height * scale));
        int left = (scaledWidth - size) / 2, top = (scaledHeight - size) / 2;
        var pixels = new byte[size * size * channels];
        for (int y = 0; y < size; y++)
        {
            double sy = Math.Clamp((y + top + 0.5) / scale - 0.5, 0, converted.Height - 1);
            int y0 = (int)sy, y1 = Math.Min(y0 + 1, converted.Height - 1);
            double fy = sy - y0;
            for (int x = 0; x < size; x++)
            {
                double sx = Math.Clamp((x + left + 0.5) / scale - 0.5, 0, converted.Width - 1);
                int x0 = (int)sx, x1 = Math.Min(x0 + 1, converted.Width - 1);
                double fx = sx - x0;
                for (int c = 0; c < channels; c++)
                {
                    double top0 = converted.At(x0, y0, c) * (1 - fx) + converted.At(x1, y0, c) * fx;
                    double bottom = converted.At(x0, y1, c) * (1 - fx) + converted.At(x1, y1, c) * fx;
                    pixels[(y * size + x) * channels + c] = (byte)Math.Clamp(Math.Round(top0 * (1 - fy) + bottom * fy), 0, 255);
                }
            }
        }
        return new DecodedImage(size, size, channels, pixels);
    }

    /// <summary>Gray → RGB by replication; RGB → gray by ITU-R BT.601 luma.</summary>
    public static DecodedImage ConvertChannels(DecodedImage image, int channels)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Channels == channels) return image;
        int count = image.Width * image.Height;
        var pixels = new byte[count * channels];
        for (int i = 0; i < count; i++)
        {
            if (image.Channels == 1 && channels == 3)
            {
                pixels[3 * i] = pixels[3 * i + 1] = pixels[3 * i + 2] = image.Pixels[i];
            }
            else if (image.Channels == 3 && channels == 1)
            {
                double luma = 0.299 * image.Pixels[3 * i] + 0.587 * image.Pixels[3 * i + 1] + 0.114 * image.Pixels[3 * i + 2];
                pixels[i] = (byte)Math.Clamp(Math.Round(luma), 0, 255);
            }
            else
            {
                throw new NotSupportedException($"cannot convert {image.Channels} channels to {channels}");
            }
        }
        return new DecodedImage(image.Width, image.Height, channels, pixels);
    }
}
