
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

    /// <summary>For verbs that run tools: the action's own exit code, or 1 after printing a user error.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (IsUserError(e))
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static bool IsUserError(Exception e) =>
        e is IOException or InvalidDataException or UnauthorizedAccessException or Core.Configs.ConfigException or Core.Ir.IrVerificationException
            or Hardware.Solver.InfeasibleEngineException or Search.Evolution.InfeasibleTargetException
            or Vitis.Tools.ToolException or Training.Checkpoints.CheckpointException
            or Codegen.Engine.CodegenException or Codegen.Templates.TemplateException;
}
