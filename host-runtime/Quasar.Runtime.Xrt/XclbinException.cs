namespace Quasar.Runtime.Xrt;

/// <summary>
/// An xclbin that is wrong for the run: unreadable, not an xclbin, without the engine record, or built for an engine
/// the model's calls do not fit. Bad input (the wrong file or the wrong package), not a device failure.
/// </summary>
public sealed class XclbinException(string message, Exception? inner = null) : Exception(message, inner);
