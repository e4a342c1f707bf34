namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// Products of config values, computed checked. The rules keep every product within its type; these guard records
/// built in code without validation, so an overflow is a <see cref="ConfigException"/> naming the field, never a
/// wrapped number. Allocation-free unless it throws (the latency model calls them per op).
/// </summary>
public static class CheckedSize
{
    /// <summary><paramref name="a"/> × <paramref name="b"/> as an int, e.g. the patch count of an image.</summary>
    /// <param name="field">The config field to blame, e.g. <c>image.patch_size</c>.</param>
    /// <param name="what">What the product is, e.g. <c>patches</c>.</param>
    public static int Product(int a, int b, string field, string what)
    {
        long product = (long)a * b;
        if (product is > int.MaxValue or < int.MinValue) throw Overflow(field, what, a, b);
        return (int)product;
    }

    /// <summary><paramref name="a"/> × <paramref name="b"/> as a long, e.g. the MACs of a GEMM.</summary>
    public static long Product(long a, long b, string field, string what)
    {
        try
        {
            return checked(a * b);
        }
        catch (OverflowException)
        {
            throw Overflow(field, what, a, b);
        }
    }

    private static ConfigException Overflow(string field, string what, long a, long b) =>
        new([new ConfigIssue(field, $"{what} = {ConfigText.Number(a)} × {ConfigText.Number(b)} is too large to compute; keep the configuration within the limits of docs/configs.md")]);
}
