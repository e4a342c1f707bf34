using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Tests.Numerics.HostOps;

/// <summary>The AVX-512 search of a step-function table gives the table's entries, up to its 64-piece limit.</summary>
[TestFixture]
public sealed class PiecewiseLookupTests
{
    private static readonly short[] AllInputs = Enumerable.Range(short.MinValue, 65536).Select(q => (short)q).ToArray();

    [TestCase(1, 1)]
    [TestCase(2, 2)]
    [TestCase(63, 3)]
    [TestCase(64, 4)]
    public void Every_input_gets_its_table_entry(int pieces, int seed)
    {
        Assume.That(PiecewiseLookup.IsSupported, "needs AVX-512 BW and VBMI");
        var table = StepTable(pieces, new Random(seed), lastInputAlone: seed % 2 == 0);
        var lookup = PiecewiseLookup.TryCreate(table);
        Assert.That(lookup, Is.Not.Null);

        var output = new sbyte[AllInputs.Length];
        int done = lookup!.Apply(AllInputs, output);

        Assert.That(done, Is.EqualTo(AllInputs.Length));
        Assert.That(output, Is.EqualTo(table));
    }

    [Test]
    public void A_table_of_65_pieces_is_left_to_the_scalar_lookup()
    {
        Assume.That(PiecewiseLookup.IsSupported, "needs AVX-512 BW and VBMI");

        Assert.That(PiecewiseLookup.TryCreate(StepTable(65, new Random(9), lastInputAlone: false)), Is.Null);
    }

    [Test]
    public void Only_whole_groups_of_64_are_done()
    {
        Assume.That(PiecewiseLookup.IsSupported, "needs AVX-512 BW and VBMI");
        var lookup = PiecewiseLookup.TryCreate(StepTable(5, new Random(1), lastInputAlone: false))!;

        Assert.That(lookup.Apply(new short[130], new sbyte[130]), Is.EqualTo(128));
    }

    /// <summary>A table of exactly <paramref name="pieces"/> runs of equal values (neighbours differ), random lengths.</summary>
    private static sbyte[] StepTable(int pieces, Random random, bool lastInputAlone)
    {
        var starts = new SortedSet<int> { 0 };
        if (lastInputAlone && pieces > 1) starts.Add(65535);
        while (starts.Count < pieces) starts.Add(random.Next(1, 65536));
        var table = new sbyte[65536];
        sbyte value = (sbyte)random.Next(-32, 32);
        foreach (var (start, end) in starts.Zip(starts.Skip(1).Append(65536)))
        {
            table.AsSpan(start, end - start).Fill(value);
            value = (sbyte)((value + random.Next(1, 60) + 128) % 256 - 128);
        }
        return table;
    }
}
