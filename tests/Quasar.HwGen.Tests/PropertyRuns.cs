namespace Quasar.HwGen.Tests;

/// <summary>
/// How many random cases each property runs; QUASAR_PROPERTY_ITERATIONS scales them for a longer hunt
/// (`QUASAR_PROPERTY_ITERATIONS=10 ./build.sh Test`), as in the CLI tests.
/// </summary>
internal static class PropertyRuns
{
    public static long Scaled(long iterations) =>
        iterations * (int.TryParse(Environment.GetEnvironmentVariable("QUASAR_PROPERTY_ITERATIONS"), out int factor) && factor > 0 ? factor : 1);
}
