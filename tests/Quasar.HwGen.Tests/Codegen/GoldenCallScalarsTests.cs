using Quasar.HwGen.Codegen.Golden;
using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>The call scalars calibrate reads from a QGV2 file: those of the recording, in call order; a cut file is an error naming it.</summary>
[TestFixture]
public sealed class GoldenCallScalarsTests
{
    private static readonly KernelGeometry Geometry = new(8, 8, 8);

    [Test]
    public void The_calls_read_back_in_order_with_the_geometry()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("golden.qgv");
        var vectors = GoldenRecorder.Record(CodegenFixtures.SmallGraph, CodegenFixtures.GoldenImages(2), Geometry);
        GoldenVectorWriter.WriteFile(path, vectors);

        var scalars = GoldenCallScalars.Read(path);

        Assert.That(scalars.Geometry, Is.EqualTo(Geometry));
        Assert.That(scalars.Calls, Is.EqualTo(vectors.Calls.Select(c => vectors.Ops[c.OpIndex].Call)));
        Assert.That(scalars.Calls, Is.Not.Empty);
    }

    [Test]
    public void A_truncated_file_is_an_error_naming_it()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("golden.qgv");
        var bytes = GoldenVectorWriter.ToBytes(GoldenRecorder.Record(CodegenFixtures.SmallGraph, CodegenFixtures.GoldenImages(1), Geometry));
        File.WriteAllBytes(path, bytes[..(bytes.Length - 20)]);

        var error = Assert.Throws<InvalidDataException>(() => GoldenCallScalars.Read(path))!;

        Assert.That(error.Message, Is.EqualTo($"{path}: the golden vectors end early (truncated?); regenerate the project"));
    }

    [Test]
    public void A_file_of_another_kind_is_an_error_naming_it()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("golden.qgv");
        File.WriteAllText(path, "not golden vectors at all");

        var error = Assert.Throws<InvalidDataException>(() => GoldenCallScalars.Read(path))!;

        Assert.That(error.Message, Is.EqualTo($"{path}: not golden vectors (no QGV2 magic); regenerate the project"));
    }
}
