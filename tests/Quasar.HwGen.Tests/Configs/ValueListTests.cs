using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Tests.Configs;

/// <summary>Lists compare by content, which gives the configuration records value equality.</summary>
[TestFixture]
public sealed class ValueListTests
{
    [Test]
    public void Lists_with_the_same_items_are_equal_and_hash_alike()
    {
        ValueList<int> a = [64, 80, 96];
        var b = ValueList.From(new List<int> { 64, 80, 96 });

        Assert.That(a == b, Is.True);
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
    }

    [Test]
    public void Lists_differing_in_order_or_length_are_not_equal()
    {
        ValueList<int> a = [64, 80];

        Assert.That(a == [80, 64], Is.False);
        Assert.That(a == [64, 80, 96], Is.False);
        Assert.That(a.Equals(null), Is.False);
    }

    [Test]
    public void Records_holding_lists_are_equal_when_their_lists_are()
    {
        var first = new SearchChoices([64], [4], [2], [2.0], [0.0, 1.0]);
        var second = new SearchChoices([64], [4], [2], [2.0], [0.0, 1.0]);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(second with { Row8BitRatios = [0.0, 0.5] }, Is.Not.EqualTo(first));
    }

    [Test]
    public void A_list_prints_its_numbers_in_the_invariant_culture()
    {
        ValueList<double> ratios = [0.0, 0.25, 1.0];

        Assert.That(ratios.ToString(), Is.EqualTo("[0, 0.25, 1]"));
    }
}
