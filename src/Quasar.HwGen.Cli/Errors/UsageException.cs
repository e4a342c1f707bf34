namespace Quasar.HwGen.Cli.Errors;

/// <summary>An option value or combination that only the verb can judge (e.g. against a loaded file); exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
