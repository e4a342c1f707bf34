using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Vitis.Csim;

/// <summary>g++ rejected a project's sources; carries the command, exit code and the first compiler diagnostics.</summary>
public sealed class CompilationFailedException(string what, string command, int exitCode, IReadOnlyList<string> diagnostics)
    : ToolException($"compiling {what} failed", command, exitCode, diagnostics);
