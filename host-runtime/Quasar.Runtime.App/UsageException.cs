namespace Quasar.Runtime.App;

/// <summary>An option value or combination the parser cannot judge alone (e.g. --count against the file); exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
