namespace Quasar.HwGen.Core.Configs;

/// <summary>Creates <see cref="ValueList{T}"/>s; collection expressions (<c>[64, 80, 96]</c>) call <see cref="Create{T}"/>.</summary>
public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());

    public static ValueList<T> From<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new([.. items]);
    }
}
