namespace Quasar.HwGen.Core.Execution;

/// <summary>Per-head views of row-major token × channel matrices, copied contiguous for the GEMM.</summary>
internal static class MatrixSlices
{
    /// <summary>Columns [start, start + count) of a rows × width matrix, as a contiguous rows × count matrix.</summary>
    public static T[] Columns<T>(T[] source, int rows, int width, int start, int count)
    {
        var result = new T[rows * count];
        for (int r = 0; r < rows; r++) source.AsSpan(r * width + start, count).CopyTo(result.AsSpan(r * count, count));
        return result;
    }

    /// <summary>The transpose of <see cref="Columns{T}"/>: count × rows.</summary>
    public static T[] TransposedColumns<T>(T[] source, int rows, int width, int start, int count)
    {
        var result = new T[count * rows];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < count; c++) result[c * rows + r] = source[r * width + start + c];
        }
        return result;
    }
}
