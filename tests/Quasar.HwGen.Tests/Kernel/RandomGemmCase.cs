using System.Globalization;
using Quasar.HwGen.Core.Execution.Kernel;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Kernel;

/// <summary>
/// A random logical call with its operands: a linear with mixed 4/8-bit rows, a per-tensor linear, a linear with ALL_8BIT
/// (row_is8 then ignored), or an all-8-bit per-tensor attention call of several batches; A, B and the output laid out
/// batch-major or batch-interleaved with padded strides (pad elements hold garbage the layout must not read), B at
/// column stride 1 or 2.
/// </summary>
internal sealed record RandomGemmCase(
    string Kind,
    KernelGeometry Geometry,
    GemmCall Call,
    sbyte[] A,
    sbyte[] B,
    byte[] RowIs8,
    int[] Bias,
    int[] Multiplier,
    byte[] Shift,
    int Seed)
{
    public static readonly string[] Kinds = ["linear mixed", "linear per tensor", "linear all 8-bit", "attention"];

    /// <summary>Output bytes the logical call addresses (its last element included).</summary>
    public int OutputLength => (Last(Call.Batches, Call.OutBatchStride, Call.M, Call.OutRowStride, Call.N, 1) + 1) * Call.OutBytes;

    public static RandomGemmCase Create(int kind, KernelGeometry geometry, int batches, int m, int n, int k, int seed)
    {
        var random = new Random(seed);
        bool attention = Kinds[kind] == "attention";
        if (!attention) batches = 1;
        int flags = Kinds[kind] switch
        {
            "linear mixed" => 0,
            "linear per tensor" => GemmFlags.PerTensor,
            "linear all 8-bit" => GemmFlags.All8Bit,
            _ => GemmFlags.PerTensor | GemmFlags.All8Bit,
        };
        int outBytes = random.Next(2) + 1;
        var (outMin, outMax) = outBytes == 2 ? (short.MinValue, short.MaxValue) : random.Next(2) == 0 ? (-32, 31) : (-128, 127);

        bool interleaved = random.Next(2) == 0;
        var (aBatch, aRow) = Strides(interleaved, batches, m, k, colStride: 1, random);
        int bCol = random.Next(3) == 0 ? 2 : 1;
        var (bBatch, bRow) = Strides(interleaved, batches, n, k, bCol, random);
        var (outBatch, outRow) = random.Next(2) == 0 ? (m * n, n) : (n, batches * n);
        var call = new GemmCall(batches, m, n, k, aBatch, aRow, bBatch, bRow, bCol, outBatch, outRow, outBytes, outMin, outMax, flags);

        int tableRows = call.TableRows;
        var rowIs8 = attention ? [1] : Enumerable.Range(0, tableRows).Select(_ => (byte)random.Next(2)).ToArray();
        var a = Garbage(Last(batches, aBatch, m, aRow, k, 1) + 1, random);
        var b = Garbage(Last(batches, bBatch, n, bRow, k, bCol) + 1, random);
        for (int h = 0; h < batches; h++)
        {
            for (int t = 0; t < m; t++)
                for (int j = 0; j < k; j++) a[h * aBatch + t * aRow + j] = (sbyte)random.Next(QuantFormats.ActivationMin, QuantFormats.ActivationMax + 1);
            for (int r = 0; r < n; r++)
            {
                bool is8 = call.All8Bit || rowIs8[call.PerTensor ? 0 : r] != 0;
                for (int j = 0; j < k; j++) b[h * bBatch + r * bRow + j * bCol] = (sbyte)(is8 ? random.Next(-128, 128) : random.Next(-8, 8));
            }
        }
        var bias = Enumerable.Range(0, tableRows).Select(_ => random.Next(-3000, 3001)).ToArray();
        var multiplier = Enumerable.Range(0, tableRows).Select(_ => random.Next(1, int.MaxValue)).ToArray();
        var shift = Enumerable.Range(0, tableRows).Select(_ => (byte)(random.Next(4) == 0 ? random.Next(FixedPointMultiplier.MinShift, FixedPointMultiplier.MaxShift + 1) : random.Next(24, 40))).ToArray();
        return new RandomGemmCase(Kinds[kind], geometry, call, a, b, rowIs8, bias, multiplier, shift, seed);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Kind} on {Geometry}: {Call}, row_is8 [{string.Join(",", RowIs8)}], seed {Seed}");

    /// <summary>(batch stride, row stride) of a rows × k array, padded by 0–2 elements.</summary>
    private static (int Batch, int Row) Strides(bool interleaved, int batches, int rows, int k, int colStride, Random random)
    {
        int span = (k - 1) * colStride + 1;
        if (interleaved) return (span, batches * span + random.Next(3));
        int row = span + random.Next(3);
        return (rows * row + random.Next(3), row);
    }

    private static int Last(int batches, int batchStride, int rows, int rowStride, int cols, int colStride) =>
        (batches - 1) * batchStride + (rows - 1) * rowStride + (cols - 1) * colStride;

    private static sbyte[] Garbage(int length, Random random)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return Array.ConvertAll(bytes, x => unchecked((sbyte)x));
    }
}
