namespace Quasar.HwGen.Vitis.Lint;

public enum LintSeverity
{
    /// <summary>Reported; the lint still passes.</summary>
    Warning,

    /// <summary>Not synthesizable: the lint fails.</summary>
    Error,
}
