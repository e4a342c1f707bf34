using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.HwGen.Cli.Verbs;

/// <summary>
/// Before a package runs through a project's kernel: the package the project was generated from always fits; another
/// one (a subnet of the same space on an `--engine space` project) fits when no call exceeds the engine's
/// MAX_REDUCTION or MAX_ROWS, else the kernel would stop with a status the user cannot act on.
/// </summary>
internal static class ProjectPackageFit
{
    /// <summary>Null when <paramref name="package"/> is the project's own, else a note that it is another package that fits.</summary>
    public static string? ThrowIfCannotRun(string projectRoot, LoadedPackage package)
    {
        var manifestPath = Path.Combine(projectRoot, ProjectManifest.FileName);
        var manifest = ProjectManifest.Read(manifestPath);
        if (string.Equals(manifest.IrPackageSha256, package.Sha256, StringComparison.OrdinalIgnoreCase)) return null;
        var engine = manifest.Engine;
        try
        {
            EngineFit.ThrowIfCannotRun(KernelOpMapper.Map(package.Graph), engine.ToConfig());
        }
        catch (CodegenException e)
        {
            throw new InvalidDataException(
                $"{package.Directory}: the project {projectRoot} was generated for another package ({manifest.IrPackage}); {e.Message}; or generate a project for this package (quasar generate --package {package.Directory} --out <dir>)", e);
        }
        return $"note: {package.Directory} is not the package {projectRoot} was generated from ({manifest.IrPackage}); it fits the engine (MAX_REDUCTION {engine.MaxReduction}, MAX_ROWS {engine.MaxRows})";
    }
}
