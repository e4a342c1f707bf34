namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>The output stage's multiplier/shift invariants (docs/numerics.md §4), shared by every FPGA op.</summary>
internal static class FixedPointRules
{
    public const int MinShift = 1;
    public const int MaxShift = 62;

    public static void Verify(OpVerificationContext context, int multiplier, int shift, string where)
    {
        if (shift is < MinShift or > MaxShift)
            context.Report(IrDiagnosticCodes.ShiftOutOfRange, $"{where}: shift {shift} is outside [{MinShift}, {MaxShift}]");
        long magnitude = Math.Abs((long)multiplier);
        bool normalized = magnitude is >= 1L << 30 and < 1L << 31;
        // Tiny factors keep S = 62 with a denormal multiplier (numerics.md §4); zero is allowed.
        if (!normalized && magnitude != 0 && shift != MaxShift)
            context.Report(IrDiagnosticCodes.MultiplierNotNormalized, $"{where}: multiplier {multiplier} is not in ±[2^30, 2^31) and the shift is not {MaxShift}");
    }
}
