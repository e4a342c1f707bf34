namespace Quasar.HwGen.Training.Data;

/// <summary>
/// Turns an image file into pixels. Training ships <see cref="PnmDecoder"/> (PGM/PPM) and takes no image-codec
/// dependency; a host that has one (PNG/JPEG through SkiaSharp, say) passes its own decoder to
/// <see cref="ImageFolderDataset.Load"/>.
/// </summary>
public interface IImageDecoder
{
    /// <summary>Whether the file's name (extension) is one this decoder reads.</summary>
    bool CanDecode(string path);

    DecodedImage Decode(string path);
}
