namespace Quasar.HwGen.FakeVitis;

/// <summary>The fake was called with arguments the real tool would not take as the driver means them: the test fails loudly (exit 2).</summary>
internal sealed class FakeUsageException(string message) : Exception(message);
