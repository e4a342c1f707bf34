using System.IO.Compression;
using CsCheck;
using Quasar.HwGen.Cli.Tests.Support;

namespace Quasar.HwGen.Cli.Tests.Properties;

/// <summary>
/// Random IDX headers (element types, dimension counts and sizes up to 2³²−1, payloads shorter or longer than the
/// header says, raw or gzip) through `quasar dataset info`: each is read or refused with one clean error line, quickly.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class IdxProperties
{
    private static readonly Gen<uint> Dimension = Gen.OneOf(Gen.UInt[0, 40], Gen.OneOf<uint>(0, 1, 28, 60_000, 1u << 20, int.MaxValue, uint.MaxValue));

    private static readonly Gen<byte[]> Idx =
        Gen.Select(Gen.OneOf<byte>(0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x00, 0xFF), Gen.Int[0, 4], Dimension.Array[4], Gen.Int[0, 4000], Gen.Bool)
            .Select((type, count, dims, payload, zeroMagic) =>
            {
                using var bytes = new MemoryStream();
                bytes.Write(zeroMagic ? [0, 0, type, (byte)count] : [0, 1, type, (byte)count]);
                foreach (var dim in dims.Take(count)) bytes.Write([(byte)(dim >> 24), (byte)(dim >> 16), (byte)(dim >> 8), (byte)dim]);
                bytes.Write(new byte[payload]);
                return bytes.ToArray();
            });

    [Test]
    public void Any_idx_header_is_read_or_refused_cleanly()
    {
        using var work = new WorkDirectory();
        Gen.Select(Idx, Idx, Gen.Bool).Sample((images, labels, gzip) =>
        {
            var imageFile = Write(work.File(gzip ? "images.gz" : "images"), images, gzip);
            var labelFile = Write(work.File(gzip ? "labels.gz" : "labels"), labels, gzip);
            string[] args = ["dataset", "info", "--images", imageFile, "--labels", labelFile];
            CleanOutcome.Check(Shell.Run(TimeSpan.FromSeconds(20), args),
                $"{string.Join(' ', args)}\n--- images header {Convert.ToHexString(images[..Math.Min(24, images.Length)])}, labels header {Convert.ToHexString(labels[..Math.Min(24, labels.Length)])}");
        }, iter: PropertyRuns.Scaled(400), threads: 1);
    }

    private static string Write(string path, byte[] bytes, bool gzip)
    {
        using var file = File.Create(path);
        if (!gzip)
        {
            file.Write(bytes);
            return path;
        }
        using var compressed = new GZipStream(file, CompressionLevel.Fastest);
        compressed.Write(bytes);
        return path;
    }
}
