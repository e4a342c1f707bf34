namespace Quasar.HwGen.Core.Lowering;

/// <summary>
/// The weights or learned steps given to lowering cannot be lowered (bad input, not a bug): the message names the op
/// and what is wrong; the caller adds where the weights came from.
/// </summary>
public sealed class LoweringException(string message, Exception? inner = null) : Exception(message, inner);
