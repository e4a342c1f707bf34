using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Quasar.HwGen.Core.Configs;

/// <summary>
/// An immutable list that compares by content, so records holding lists (search-space choices, subnet layers) have
/// value equality: <c>load(save(x)) == x</c> holds with <c>==</c>.
/// </summary>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    internal ValueList(T[] items) => _items = items;

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.SequenceEqual(other._items));

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items) hash.Add(item);
        return hash.ToHashCode();
    }

    /// <summary>The items in brackets, numbers in the invariant culture: <c>[64, 80, 96]</c>.</summary>
    public override string ToString() =>
        "[" + string.Join(", ", _items.Select(item => item is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : item?.ToString())) + "]";

    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);
}
