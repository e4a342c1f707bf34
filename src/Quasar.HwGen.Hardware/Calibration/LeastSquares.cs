namespace Quasar.HwGen.Hardware.Calibration;

/// <summary>
/// Linear least squares by Gram–Schmidt QR (twice orthogonalised), taking columns in the given order and leaving out a
/// column that the ones already taken span (it cannot be told apart from them) or that would exceed
/// <c>maxColumns</c>. Small problems only: a handful of columns over a handful of rows.
/// </summary>
internal static class LeastSquares
{
    /// <summary>A column whose part outside the span of the taken ones is below this share of its norm counts as dependent.</summary>
    private const double DependenceTolerance = 1e-9;

    /// <returns>The taken columns' indices and their coefficients, and for each left-out column whether it was dependent (else: over the limit).</returns>
    public static (IReadOnlyList<int> Taken, double[] Solution, IReadOnlyDictionary<int, bool> LeftOut) Solve(IReadOnlyList<double[]> columns, double[] target, int maxColumns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(target);
        var basis = new List<double[]>();
        var r = new List<double[]>(); // r[j][t]: the taken column j's coefficient on basis vector t (t ≤ j)
        var taken = new List<int>();
        var leftOut = new Dictionary<int, bool>();
        for (int j = 0; j < columns.Count; j++)
        {
            var v = (double[])columns[j].Clone();
            double norm = Norm(v);
            if (norm == 0)
            {
                leftOut[j] = true;
                continue;
            }
            var coefficients = new double[basis.Count + 1];
            for (int pass = 0; pass < 2; pass++)
            {
                for (int t = 0; t < basis.Count; t++)
                {
                    double c = Dot(basis[t], v);
                    coefficients[t] += c;
                    for (int i = 0; i < v.Length; i++) v[i] -= c * basis[t][i];
                }
            }
            double rest = Norm(v);
            if (rest <= DependenceTolerance * norm)
            {
                leftOut[j] = true;
                continue;
            }
            if (taken.Count >= maxColumns)
            {
                leftOut[j] = false;
                continue;
            }
            coefficients[basis.Count] = rest;
            basis.Add([.. v.Select(x => x / rest)]);
            r.Add(coefficients);
            taken.Add(j);
        }
        var y = basis.Select(q => Dot(q, target)).ToArray();
        var x = new double[taken.Count];
        for (int t = taken.Count - 1; t >= 0; t--)
        {
            double sum = y[t];
            for (int j = t + 1; j < taken.Count; j++) sum -= r[j][t] * x[j];
            x[t] = sum / r[t][t];
        }
        return (taken, x, leftOut);
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Norm(double[] v) => Math.Sqrt(Dot(v, v));
}
