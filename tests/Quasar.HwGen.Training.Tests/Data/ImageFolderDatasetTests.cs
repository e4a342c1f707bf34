using System.Text;
using Quasar.HwGen.Training.Data;
using Quasar.HwGen.Training.Tests.Support;

namespace Quasar.HwGen.Training.Tests.Data;

/// <summary>The image-folder loader on tiny PGM/PPM files written by the test.</summary>
[TestFixture]
public sealed class ImageFolderDatasetTests
{
    private static void WritePgmBinary(string path, int width, int height, Func<int, int, byte> pixel)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        stream.Write(Encoding.ASCII.GetBytes($"P5\n# a comment\n{width} {height}\n255\n"));
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) stream.WriteByte(pixel(x, y));
    }

    private static void WritePpmBinary(string path, int width, int height, (byte R, byte G, byte B) color)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        stream.Write(Encoding.ASCII.GetBytes($"P6 {width} {height} 255\n"));
        for (int i = 0; i < width * height; i++) stream.Write([color.R, color.G, color.B]);
    }

    [Test]
    public void Class_folders_become_labels_in_ordinal_order_and_images_are_fitted_to_the_input()
    {
        using var root = new TempDirectory();
        WritePgmBinary(Path.Combine(root.Path, "b-shirt", "0.pgm"), 4, 4, (x, y) => (byte)(16 * y + x));
        File.WriteAllText(Path.Combine(root.Path, "b-shirt", "1.pgm"), "P2\n4 4\n15\n" + string.Join(" ", Enumerable.Repeat("15", 16)) + "\n");
        WritePgmBinary(Path.Combine(root.Path, "a-bag", "big.pgm"), 12, 8, (_, _) => 100);
        WritePpmBinary(Path.Combine(root.Path, "c-coat", "rgb.ppm"), 4, 4, (200, 100, 50));

        var folder = ImageFolderDataset.Load(root.Path, size: 4, channels: 1);

        Assert.That(folder.Classes, Is.EqualTo(new[] { "a-bag", "b-shirt", "c-coat" }));
        var images = folder.Images;
        Assert.That((images.Count, images.Channels, images.Height, images.Width), Is.EqualTo((4, 1, 4, 4)));
        Assert.That(images.Labels, Is.EqualTo(new byte[] { 0, 1, 1, 2 }));
        Assert.That(images.Image(0).ToArray(), Is.All.EqualTo((byte)100), "a constant 12×8 image resized and centre-cropped stays constant");
        Assert.That(images.Image(1).ToArray(), Is.EqualTo(Enumerable.Range(0, 16).Select(i => (byte)(16 * (i / 4) + i % 4)).ToArray()), "an exact-size image is unchanged");
        Assert.That(images.Image(2).ToArray(), Is.All.EqualTo((byte)255), "maxval 15 scales to 255");
        Assert.That(images.Image(3).ToArray(), Is.All.EqualTo((byte)124), "RGB to gray: round(0.299·200 + 0.587·100 + 0.114·50)");
    }

    [Test]
    public void Gray_images_are_replicated_into_three_planes_for_an_RGB_input()
    {
        using var root = new TempDirectory();
        WritePgmBinary(Path.Combine(root.Path, "only", "x.pgm"), 2, 2, (x, y) => (byte)(x + 2 * y));
        var images = ImageFolderDataset.Load(root.Path, size: 2, channels: 3).Images;
        Assert.That(images.Image(0).ToArray(), Is.EqualTo(new byte[] { 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3 }));
    }

    [Test]
    public void A_file_the_decoder_cannot_read_is_an_error_naming_it()
    {
        using var root = new TempDirectory();
        WritePgmBinary(Path.Combine(root.Path, "a", "ok.pgm"), 2, 2, (_, _) => 1);
        var png = Path.Combine(root.Path, "a", "photo.png");
        File.WriteAllBytes(png, [0x89, 0x50, 0x4E, 0x47]);

        var error = Assert.Throws<NotSupportedException>(() => ImageFolderDataset.Load(root.Path, 2, 1));
        Assert.That(error!.Message, Does.StartWith(png));
    }

    [Test]
    public void A_truncated_binary_image_is_an_error_naming_the_file()
    {
        using var root = new TempDirectory();
        var path = Path.Combine(root.Path, "a", "short.pgm");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("P5 4 4 255\n"), 1, 2, 3]);

        var error = Assert.Throws<InvalidDataException>(() => ImageFolderDataset.Load(root.Path, 4, 1));
        Assert.That(error!.Message, Does.StartWith(path).And.Contain("truncated"));
    }

    [Test]
    public void The_trainer_reads_an_image_folder_with_train_and_val_splits()
    {
        using var root = new TempDirectory();
        for (int i = 0; i < 32; i++)
        {
            foreach (var split in new[] { "train", "val" })
            {
                WritePgmBinary(Path.Combine(root.Path, split, "dark", $"{i}.pgm"), 28, 28, (x, y) => (byte)((x * y + i) % 60));
                WritePgmBinary(Path.Combine(root.Path, split, "light", $"{i}.pgm"), 28, 28, (x, y) => (byte)(200 + (x + y + i) % 50));
            }
        }
        var options = new TrainingOptions { Threads = 1, DataDirectory = root.Path, Epochs = 2, BatchSize = 16, LearningRate = 4e-2, WarmupEpochs = 0.25 };

        var result = new SupernetTrainer(TinySpace.Spec, options).Train();
        using var supernet = result.Supernet;

        Assert.That(result.Steps, Is.EqualTo(8));
        Assert.That(result.Epochs[^1].ValAccuracyLargest, Is.Not.Null);
    }
}
