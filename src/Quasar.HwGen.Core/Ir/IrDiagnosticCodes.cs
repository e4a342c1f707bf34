namespace Quasar.HwGen.Core.Ir;

/// <summary>Stable codes of the IR verifier's diagnostics. Never renumber: tests and users grep for them.</summary>
public static class IrDiagnosticCodes
{
    public const string DuplicateTensor = "QIR001";
    public const string UnknownTensor = "QIR002";
    public const string UseBeforeDefinition = "QIR003";
    public const string TensorDefinedTwice = "QIR004";
    public const string ElementTypeMismatch = "QIR005";
    public const string ShapeMismatch = "QIR006";
    public const string ArrayLength = "QIR007";
    public const string WeightOutOfRowRange = "QIR008";
    public const string ShiftOutOfRange = "QIR009";
    public const string MultiplierNotNormalized = "QIR010";
    public const string BadStep = "QIR011";
    public const string HeadLayout = "QIR012";
    public const string GraphOutputUndefined = "QIR013";
    public const string DuplicateOpName = "QIR014";
    public const string BadHostParameter = "QIR015";
    public const string NonFiniteParameter = "QIR016";
    public const string AccumulatorOverflow = "QIR020";
}
