using System.Buffers.Binary;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Core.Execution.Kernel;

/// <summary>
/// The kernel's call semantics in C# (docs/hls-engine.md §1), built on <see cref="GemmReference"/> (the two nibble
/// passes) and <see cref="OutputStage.Requantize"/>: per batch h, token t and column r,
/// <c>out(h,t,r) = OutputStage(Σ_j A(h,t,j)·B(h,r,j))</c> with the strided addressing of the signature. Scalar and
/// plain on purpose: it specifies what the generated kernel and every host runtime must compute.
/// </summary>
public static class StridedGemm
{
    /// <summary>Runs one call of <paramref name="op"/> with A and B as given (B = the op's weights for a linear).</summary>
    public static int Run(KernelOp op, ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b, Span<byte> output, GemmLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(op);
        return Run(op.Call, a, b, op.RowIs8, op.Bias, op.Multiplier, op.Shift, output, limits);
    }

    /// <summary>
    /// One kernel call. Returns the kernel's status; on a nonzero status nothing is written. Elements of
    /// <paramref name="output"/> the call does not address are left as they are.
    /// </summary>
    public static int Run(
        in GemmCall call,
        ReadOnlySpan<sbyte> a,
        ReadOnlySpan<sbyte> b,
        ReadOnlySpan<byte> rowIs8,
        ReadOnlySpan<int> bias,
        ReadOnlySpan<int> multiplier,
        ReadOnlySpan<byte> shift,
        Span<byte> output,
        GemmLimits? limits = null)
    {
        limits ??= GemmLimits.Unbounded;
        int status = Check(call, limits);
        if (status != GemmStatus.Ok) return status;

        int m = call.M, n = call.N, k = call.K;
        int tableRows = call.TableRows;
        RequireLength(bias, tableRows, "bias");
        RequireLength(multiplier, tableRows, "multiplier");
        RequireLength(shift, tableRows, "shift");
        if (!call.All8Bit) RequireLength(rowIs8, tableRows, "row_is8");

        var is8 = new bool[n];
        for (int r = 0; r < n; r++) is8[r] = call.All8Bit || rowIs8[call.PerTensor ? 0 : r] != 0;

        var x = new sbyte[m * k];
        var w = new sbyte[n * k];
        for (int h = 0; h < call.Batches; h++)
        {
            for (int t = 0; t < m; t++)
            {
                for (int j = 0; j < k; j++) x[t * k + j] = a[Index(h, call.ABatchStride, t, call.ARowStride, j, 1, a.Length, "a")];
            }
            for (int r = 0; r < n; r++)
            {
                for (int j = 0; j < k; j++) w[r * k + j] = b[Index(h, call.BBatchStride, r, call.BRowStride, j, call.BColStride, b.Length, "b")];
            }
            var acc = GemmReference.Multiply(x, m, w, n, k, is8);
            for (int t = 0; t < m; t++)
            {
                for (int r = 0; r < n; r++)
                {
                    int row = call.PerTensor ? 0 : r;
                    int value = OutputStage.Requantize(acc[t * n + r], call.PerTensor ? 0 : bias[row], multiplier[row], shift[row], call.OutMin, call.OutMax);
                    long element = (long)h * call.OutBatchStride + (long)t * call.OutRowStride + r;
                    Store(output, element, call.OutBytes, value);
                }
            }
        }
        return GemmStatus.Ok;
    }

    /// <summary>The status the kernel returns for <paramref name="call"/> before touching memory.</summary>
    public static int Check(in GemmCall call, GemmLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (call.Batches <= 0 || call.M <= 0 || call.N <= 0 || call.K <= 0) return GemmStatus.NonPositiveDimension;
        if (call.OutBytes is not (1 or 2)) return GemmStatus.BadOutputBytes;
        if (call.K > limits.MaxReduction) return GemmStatus.ReductionTooLong;
        if (!call.PerTensor && call.N > limits.MaxRows) return GemmStatus.TooManyRows;
        return GemmStatus.Ok;
    }

    private static int Index(int h, int batchStride, int row, int rowStride, int col, int colStride, int length, string array)
    {
        long index = (long)h * batchStride + (long)row * rowStride + (long)col * colStride;
        if (index < 0 || index >= length)
            throw new ArgumentOutOfRangeException(array, index, $"element ({h},{row},{col}) of {array} is outside its {length} elements");
        return (int)index;
    }

    private static void Store(Span<byte> output, long element, int bytes, int value)
    {
        long offset = element * bytes;
        if (offset < 0 || offset + bytes > output.Length)
            throw new ArgumentOutOfRangeException(nameof(output), offset, $"output byte {offset} is outside its {output.Length} bytes");
        if (bytes == 2) BinaryPrimitives.WriteInt16LittleEndian(output.Slice((int)offset, 2), checked((short)value));
        else output[(int)offset] = unchecked((byte)checked((sbyte)value));
    }

    private static void RequireLength<T>(ReadOnlySpan<T> table, int rows, string name)
    {
        if (table.Length < rows) throw new ArgumentException($"the {name} table has {table.Length} entries, the call needs {rows}", name);
    }
}
