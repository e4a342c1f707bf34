
namespace Quasar.HwGen.Cli.Verbs;

/// <summary>Turns the errors users cause (bad files, bad configs) into one clear line and exit code 1.</summary>
public static class CliErrors
{
    public static int Run(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static bool IsUserError(Exception e) =>
        e is IOException or InvalidDataException or UnauthorizedAccessException or Core.Configs.ConfigException or Core.Ir.IrVerificationException
            or Hardware.Solver.InfeasibleEngineException or Search.Evolution.InfeasibleTargetException
            or Codegen.Engine.CodegenException or Codegen.Templates.TemplateException;
}
