using System.Globalization;
using System.Text;

namespace Quasar.HwGen.Core.IO;

/// <summary>
/// Reads files a user names (configs, manifests, datasets) with bounds: only a regular file is opened (a FIFO blocks
/// the open forever, /dev/zero never ends) and no more than a cap per kind is read, even if the file grows meanwhile.
/// Every refusal is an <see cref="IOException"/> whose one-line message names the file, what is wrong and the fix.
/// </summary>
public static class BoundedFile
{
    /// <summary>YAML configurations: the shipped ones are a few KiB.</summary>
    public const long ConfigCap = 1L << 20;

    /// <summary>JSON manifests and sidecars (IR package, project, checkpoint, search state).</summary>
    public const long ManifestCap = 16L << 20;

    /// <summary>Refuses anything at <paramref name="path"/> but an existing regular file (symlinks followed).</summary>
    public static void RequireRegularFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var kind = NativeMethods.KindOf(path);
        switch (kind)
        {
            case FileKind.Regular:
                return;
            case FileKind.Unknown:
                if (File.Exists(path)) return;
                if (Directory.Exists(path)) throw NotAFile(path, "a directory");
                throw new FileNotFoundException($"{path}: file not found", path);
            case FileKind.Missing:
                throw new FileNotFoundException($"{path}: file not found", path);
            default:
                throw NotAFile(path, Describe(kind));
        }
    }

    /// <summary>Opens a regular file for reading after checking that it holds at most <paramref name="cap"/> bytes.</summary>
    public static FileStream OpenRead(string path, long cap)
    {
        RequireRegularFile(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            if (stream.Length > cap) throw TooLarge(path, stream.Length, cap);
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The whole file, refused when it is not a regular file or holds more than <paramref name="cap"/> bytes.</summary>
    public static byte[] ReadAllBytes(string path, long cap)
    {
        using var stream = OpenRead(path, cap);
        // Read at most cap + 1 bytes: the length checked above may grow while reading.
        using var memory = new MemoryStream((int)Math.Min(stream.Length, cap));
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, cap + 1 - total))) > 0)
        {
            total += read;
            if (total > cap) throw TooLarge(path, total, cap, atLeast: true);
            memory.Write(buffer, 0, read);
        }
        return memory.ToArray();
    }

    /// <summary>The whole file as text (UTF-8 unless a byte order mark says otherwise), bounded as <see cref="ReadAllBytes"/>.</summary>
    public static string ReadAllText(string path, long cap)
    {
        using var reader = new StreamReader(new MemoryStream(ReadAllBytes(path, cap)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The error for a file over its cap, also for readers that find it out while streaming.</summary>
    public static IOException TooLarge(string path, long size, long cap, bool atLeast = false) =>
        new($"{path}: holds {(atLeast ? "at least " : "")}{Bytes(size)}, more than the {Bytes(cap)} this kind of file may have; is it the right file?");

    private static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

    private static IOException NotAFile(string path, string what) =>
        new($"{path}: is {what}, not a regular file; give the path of a file");

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };
}
