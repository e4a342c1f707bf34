namespace Quasar.HwGen.Codegen.Engine;

/// <summary>A generation the user must change something to get (an engine too small, a design too big, an edited file); the message says what.</summary>
public sealed class CodegenException : Exception
{
    public CodegenException()
    {
    }

    public CodegenException(string message)
        : base(message)
    {
    }

    public CodegenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
