using Quasar.HwGen.Core;

namespace Quasar.HwGen.Tests;

/// <summary>Locations of repository files the tests read.</summary>
internal static class TestPaths
{
    public static string Root => RepositoryLayout.Root;

    public static string SampleData => Path.Combine(Root, Core.Data.FashionMnist.SampleSubdirectory);
}
