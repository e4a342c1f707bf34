using Quasar.HwGen.Codegen.Golden;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>QGV2 written by C# reads back (with a reader written from the contract) as the recording in words, and the model of the kernel reproduces every call from the file alone.</summary>
[TestFixture]
public sealed class GoldenVectorRoundTripTests
{
    private static readonly KernelGeometry[] Geometries = [new(8, 8, 8), new(3, 5, 7)];

    [TestCaseSource(nameof(Geometries))]
    public void Golden_vectors_read_back_equal_to_the_recording_laid_out_in_words(KernelGeometry geometry)
    {
        var graph = CodegenFixtures.SmallGraph;
        var images = CodegenFixtures.GoldenImages(2);
        var recording = new RecordingEngine(new EmulatedEngine());
        var interpreter = new IrInterpreter(graph, recording);
        for (int i = 0; i < images.Count; i++)
        {
            recording.Image = i;
            interpreter.RunAll(images[i]);
        }

        using var directory = new TemporaryDirectory();
        var path = directory.File("golden.qgv");
        GoldenVectorWriter.WriteFile(path, GoldenRecorder.Record(graph, images, geometry));
        var back = QgvReader.Read(File.ReadAllBytes(path));

        Assert.That(back.Geometry, Is.EqualTo(geometry));
        var fpgaOps = graph.OpsOn(Placement.Fpga).ToList();
        var kernelOps = KernelOpMapper.Map(graph).ToDictionary(op => op.Name);
        Assert.That(back.Ops.Select(op => op.Name), Is.EqualTo(fpgaOps.Select(op => op.Name)));
        foreach (var (op, irOp) in back.Ops.Zip(fpgaOps))
        {
            var kernelOp = kernelOps[op.Name];
            var plan = KernelWordLayout.Plan(kernelOp.Call, kernelOp.RowIs8, geometry);
            Assert.That(op.Output, Is.EqualTo(irOp.Output));
            Assert.That(op.Call, Is.EqualTo(KernelWordCall.From(kernelOp.Call, kernelOp.RowIs8)), op.Name);
            Assert.That(op.Rows, Is.EqualTo(KernelWordLayout.PackRows(kernelOp, plan.Tiling)), op.Name);
            if (irOp is LinearOp linear)
            {
                Assert.That(op.Kind, Is.EqualTo(GemmOpKind.Linear));
                Assert.That(op.W, Is.EqualTo(KernelWordLayout.PackWeights(plan, linear.Weights)), op.Name);
            }
            else
            {
                Assert.That(op.W, Is.Empty, op.Name);
                Assert.That(op.Rows, Has.Length.EqualTo(1), op.Name);
            }
        }

        Assert.That(back.Calls, Has.Count.EqualTo(recording.Calls.Count));
        foreach (var (call, recorded) in back.Calls.Zip(recording.Calls))
        {
            var kernelOp = kernelOps[recorded.Op.Name];
            var plan = KernelWordLayout.Plan(kernelOp.Call, kernelOp.RowIs8, geometry);
            var (a, b) = KernelOpMapper.Operands(kernelOp, recorded.Inputs);
            Assert.That(back.Ops[call.OpIndex].Name, Is.EqualTo(recorded.Op.Name));
            Assert.That(call.Image, Is.EqualTo(recorded.Image));
            Assert.That(call.A, Is.EqualTo(KernelWordLayout.PackA(plan, a)), recorded.Op.Name);
            Assert.That(call.W, Is.EqualTo(kernelOp.TakesBPerCall ? KernelWordLayout.PackWeights(plan, b) : []), recorded.Op.Name);
            var logical = new byte[KernelBytes.FromTensor(recorded.Output).Length];
            KernelWordLayout.UnpackOutput(plan, call.Expected, logical);
            Assert.That(logical, Is.EqualTo(KernelBytes.FromTensor(recorded.Output)), recorded.Op.Name);
        }
    }

    [TestCaseSource(nameof(Geometries))]
    public void Every_call_read_back_is_reproduced_by_the_kernel_model_from_the_file_alone(KernelGeometry geometry)
    {
        // What the C++ testbench does: scalars, w and rows from the op record, a (and w) from the call, out compared word by word.
        var back = QgvReader.Read(GoldenVectorWriter.ToBytes(GoldenRecorder.Record(CodegenFixtures.SmallGraph, CodegenFixtures.GoldenImages(1), geometry)));
        Assert.That(back.Calls, Is.Not.Empty);
        foreach (var call in back.Calls)
        {
            var op = back.Ops[call.OpIndex];
            var (status, output) = WordGemm.Run(op.Call, back.Geometry, call.A, op.TakesWPerCall ? call.W : op.W, op.Rows);
            Assert.That(status, Is.EqualTo(GemmStatus.Ok), op.Name);
            Assert.That(output, Is.EqualTo(call.Expected), op.Name);
        }
    }

    [Test]
    public void The_largest_arrays_are_counted_in_words()
    {
        var golden = GoldenRecorder.Record(CodegenFixtures.SmallGraph, CodegenFixtures.GoldenImages(1), Geometries[1]);

        var sizes = golden.LargestArrays();

        Assert.That(sizes, Is.EqualTo(new KernelArraySizes(
            golden.Calls.Max(c => c.A.Length),
            Math.Max(golden.Ops.Max(o => o.W.Length), golden.Calls.Max(c => c.W.Length)),
            golden.Ops.Max(o => o.Rows.Length),
            // Per output port: the larger port (out0) of the largest call, about half its stream.
            golden.Calls.Max(c => KernelWordSizes.Of(golden.Ops[c.OpIndex].Call, golden.Geometry).Out0Words),
            golden.Ops.Max(o => o.Call.Batches),
            golden.Ops.Max(o => o.Call.M))));
        Assert.That(sizes.Rows, Is.EqualTo(golden.Ops.Max(o => o.Call.TableRows)));
        Assert.That(sizes.Out, Is.LessThan(golden.Calls.Max(c => c.Expected.Length)));
    }

    [Test]
    public void The_writer_refuses_an_array_whose_size_is_not_its_call_s()
    {
        var golden = GoldenRecorder.Record(CodegenFixtures.SmallGraph, CodegenFixtures.GoldenImages(1), Geometries[0]);
        var call = golden.Calls[0];
        var shortA = golden with { Calls = [call with { A = call.A[1..] }] };

        Assert.That(() => GoldenVectorWriter.ToBytes(shortA),
            Throws.ArgumentException.With.Message.Contains($"call of op '{golden.Ops[call.OpIndex].Name}' on image 0: a has {call.A.Length - 1} words"));
    }
}
