using System.Globalization;

namespace Quasar.HwGen.Vitis.Reports;

/// <summary>
/// A count a report gives as one value or as a range (<c>&lt;range&gt;&lt;min&gt;18&lt;/min&gt;&lt;max&gt;27&lt;/max&gt;&lt;/range&gt;</c>:
/// a loop whose trip count or latency varies). One value is a range of one.
/// </summary>
public readonly record struct CountRange(long Min, long Max)
{
    public static implicit operator CountRange(long value) => new(value, value);

    public bool IsExact => Min == Max;

    public override string ToString() => IsExact
        ? Min.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Min}..{Max}");
}
