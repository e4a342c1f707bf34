using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Hardware.Solver;

/// <summary>No engine meets the budget (or the FPS target); the message names the resource that binds and what to change.</summary>
public sealed class InfeasibleEngineException : Exception
{
    public InfeasibleEngineException(string message, ResourceKind bindingResource)
        : base(message) => BindingResource = bindingResource;

    public InfeasibleEngineException()
    {
    }

    public InfeasibleEngineException(string message)
        : base(message)
    {
    }

    public InfeasibleEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ResourceKind BindingResource { get; }
}
