namespace Quasar.HwGen.Search.Evolution;

/// <summary>An FPS target no subnet of the space reaches on the engine; the message gives the fastest subnet's FPS.</summary>
public sealed class InfeasibleTargetException : Exception
{
    public InfeasibleTargetException()
    {
    }

    public InfeasibleTargetException(string message)
        : base(message)
    {
    }

    public InfeasibleTargetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
