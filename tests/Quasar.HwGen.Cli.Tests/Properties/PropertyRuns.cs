namespace Quasar.HwGen.Cli.Tests.Properties;

/// <summary>
/// How many random cases each property runs: enough for CI to find what the fuzzing of issue 12 found in a few minutes;
/// QUASAR_PROPERTY_ITERATIONS scales them for a longer hunt (`QUASAR_PROPERTY_ITERATIONS=10 ./build.sh Test`).
/// </summary>
internal static class PropertyRuns
{
    public static long Scaled(long iterations) =>
        iterations * (int.TryParse(Environment.GetEnvironmentVariable("QUASAR_PROPERTY_ITERATIONS"), out int factor) && factor > 0 ? factor : 1);
}
