namespace Quasar.HwGen.Core;

/// <summary>
/// Where the files quasar ships with are: <c>samples/</c> (the Fashion-MNIST sample data and the trained supernet)
/// and the sw-emu device's sources, which the build copies next to the program and the dotnet tool package carries.
/// QUASAR_HOME overrides it. Only a program that has none next to it (a test or benchmark run from its own bin folder)
/// falls back to the repository that holds it (<see cref="RepositoryLayout"/>), so the installed tool never looks for
/// a source checkout.
/// </summary>
public static class ShippedFiles
{
    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("QUASAR_HOME");
            if (!string.IsNullOrEmpty(configured)) return configured;
            var beside = AppContext.BaseDirectory;
            return Directory.Exists(Path.Combine(beside, "samples")) ? beside : RepositoryLayout.Root;
        }
    }
}
