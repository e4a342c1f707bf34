using Quasar.HwGen.Core;

namespace Quasar.HwGen.Tests;

/// <summary>Locations of repository files the tests read.</summary>
internal static class TestPaths
{
    public static string Root => RepositoryLayout.Root;

    /// <summary>Real Vitis/Vivado HLS reports and logs (tests/fixtures/vitis-reports/README.md).</summary>
    public static string VitisReports => Path.Combine(Root, "tests", "fixtures", "vitis-reports");

    public static string SampleData => Path.Combine(Root, Core.Data.FashionMnist.SampleSubdirectory);
}
