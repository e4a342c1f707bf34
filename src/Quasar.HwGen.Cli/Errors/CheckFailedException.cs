namespace Quasar.HwGen.Cli.Errors;

/// <summary>The verb ran to the end and found the design wrong (a csim failure, a bit mismatch); exit code 1.</summary>
public sealed class CheckFailedException(string message) : Exception(message);
