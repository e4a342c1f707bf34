using System.Runtime.InteropServices;
using Quasar.HwGen.Codegen.Golden;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>QGV1 written by C# reads back (with a reader written from the contract) as exactly what was recorded.</summary>
[TestFixture]
public sealed class GoldenVectorRoundTripTests
{
    [Test]
    public void Golden_vectors_read_back_equal_to_the_recording()
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
        GoldenVectorWriter.WriteFile(path, GoldenRecorder.Record(graph, images));
        var back = QgvReader.Read(File.ReadAllBytes(path));

        var fpgaOps = graph.OpsOn(Placement.Fpga).ToList();
        Assert.That(back.Ops.Select(op => op.Name), Is.EqualTo(fpgaOps.Select(op => op.Name)));
        foreach (var (op, irOp) in back.Ops.Zip(fpgaOps))
        {
            Assert.That(op.Output, Is.EqualTo(irOp.Output));
            if (irOp is LinearOp linear)
            {
                Assert.That(op.Kind, Is.EqualTo(GemmOpKind.Linear));
                Assert.That(op.Weights, Is.EqualTo(linear.Weights), op.Name);
                Assert.That(op.RowIs8, Is.EqualTo(linear.RowIs8Bit.Select(b => b ? (byte)1 : (byte)0)), op.Name);
                Assert.That((op.Bias, op.Multiplier, op.Shift), Is.EqualTo((linear.Bias, linear.Multiplier, linear.Shift)), op.Name);
            }
            else
            {
                Assert.That(op.Weights, Is.Empty, op.Name);
                Assert.That(op.RowIs8, Has.Length.EqualTo(1), op.Name);
            }
        }

        Assert.That(back.Calls, Has.Count.EqualTo(recording.Calls.Count));
        var kernelOps = KernelOpMapper.Map(graph).ToDictionary(op => op.Name);
        foreach (var (call, recorded) in back.Calls.Zip(recording.Calls))
        {
            // B in the host layout (KernelOperandLayout: attention V transposed per head).
            var (_, hostB) = KernelOpMapper.Operands(kernelOps[recorded.Op.Name], recorded.Inputs);
            Assert.That(back.Ops[call.OpIndex].Name, Is.EqualTo(recorded.Op.Name));
            Assert.That(call.Image, Is.EqualTo(recorded.Image));
            Assert.That(call.A, Is.EqualTo(Bytes(recorded.Inputs[0].Bytes!)), recorded.Op.Name);
            Assert.That(call.B, Is.EqualTo(recorded.Inputs.Count > 1 ? Bytes(hostB) : []), recorded.Op.Name);
            Assert.That(call.Expected, Is.EqualTo(KernelBytes.FromTensor(recorded.Output)), recorded.Op.Name);
        }
    }

    [Test]
    public void Every_call_read_back_is_reproduced_by_the_kernel_model_from_the_file_alone()
    {
        // What the C++ testbench does: scalars, B and tables from the op record, A (and B) from the call.
        var golden = GoldenRecorder.Record(CodegenFixtures.SmallGraph, CodegenFixtures.GoldenImages(1));
        var back = QgvReader.Read(GoldenVectorWriter.ToBytes(golden));
        foreach (var call in back.Calls)
        {
            var op = back.Ops[call.OpIndex];
            var b = op.TakesBPerCall ? Signed(call.B) : op.Weights;
            var output = new byte[call.Expected.Length];
            Assert.That(StridedGemm.Run(op, Signed(call.A), b, output), Is.EqualTo(GemmStatus.Ok));
            Assert.That(output, Is.EqualTo(call.Expected), op.Name);
        }
    }

    private static byte[] Bytes(sbyte[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static sbyte[] Signed(byte[] values) => MemoryMarshal.Cast<byte, sbyte>(values.AsSpan()).ToArray();
}
