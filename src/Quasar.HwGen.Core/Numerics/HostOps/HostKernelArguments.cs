namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>The argument checks the host kernels share, with the messages they share.</summary>
internal static class HostKernelArguments
{
    public static void RequireSameLength(int input, int output)
    {
        if (output != input) throw new ArgumentException($"output has {output} elements, input {input}", nameof(output));
    }

    /// <summary>Refuses a row length that is not positive or does not divide <paramref name="length"/>.</summary>
    public static void RequireWholeRows(int length, int columns, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (length % columns != 0)
            throw new ArgumentException($"{name} has {length} elements, not a whole number of rows of {columns}", name);
    }

    /// <summary>Refuses a quantization step that is not positive and finite.</summary>
    public static void RequireStep(float step, string name)
    {
        if (!(step > 0) || !float.IsFinite(step))
            throw new ArgumentOutOfRangeException(name, step, "a quantization step must be positive and finite");
    }
}
