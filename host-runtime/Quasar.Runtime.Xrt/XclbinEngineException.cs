namespace Quasar.Runtime.Xrt;

/// <summary>
/// An xclbin that does not fit the model: it records no engine, or the model's calls exceed the engine it was built
/// for. Bad input (the wrong xclbin or the wrong package), not a device failure.
/// </summary>
public sealed class XclbinEngineException(string message) : Exception(message);
