namespace Quasar.HwGen.Training.Checkpoints;

/// <summary>
/// The run's random streams, each a <see cref="Random"/> seeded by a SplitMix64 hash of (seed, purpose, index), so
/// that any epoch's order or step's draws can be recreated from the step number alone (what makes --resume exact).
/// Seeded <see cref="Random"/> uses the same algorithm on every .NET version and platform.
/// </summary>
public static class RandomStreams
{
    public const string Scheme = "splitmix64(seed, purpose, index) -> System.Random(int); purposes: 1 epoch order, 2 step draws";

    private const ulong EpochOrder = 1;
    private const ulong StepDraws = 2;

    /// <summary>The permutation of <paramref name="count"/> training images for <paramref name="epoch"/> (Fisher–Yates).</summary>
    public static int[] EpochPermutation(int seed, int epoch, int count)
    {
        var random = new Random(Derive(seed, EpochOrder, (ulong)epoch));
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>The stream of one training step: subnet draw first, then augmentation.</summary>
    public static Random ForStep(int seed, long step) => new(Derive(seed, StepDraws, (ulong)step));

    private static int Derive(int seed, ulong purpose, ulong index)
    {
        ulong z = Mix((ulong)(uint)seed) ^ Mix(purpose * 0x9E3779B97F4A7C15UL) ^ Mix(index + 0x632BE59BD9B4E019UL);
        return (int)(Mix(z) & 0x7FFFFFFF);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
