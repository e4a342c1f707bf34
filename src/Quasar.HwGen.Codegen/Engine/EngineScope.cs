namespace Quasar.HwGen.Codegen.Engine;

/// <summary>What the generated engine is sized for.</summary>
public enum EngineScope
{
    /// <summary>The package's own subnet: the solver's engine for it alone (buffers for its dims, its throughput).</summary>
    Subnet,

    /// <summary>Every subnet of the search space: one bitstream for a whole search.</summary>
    Space,

    /// <summary>The space's engine shrunk to a tiny array (<see cref="TinyEngine"/>): to validate the structure in csynth and cosim in minutes.</summary>
    Tiny,
}
