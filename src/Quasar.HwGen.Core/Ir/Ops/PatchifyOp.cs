namespace Quasar.HwGen.Core.Ir.Ops;

/// <summary>Host: cuts the input image (bytes, C×H×W) into non-overlapping patches and normalizes them to float.</summary>
/// <remarks>Output row n is patch n in raster order; column (c·p + i)·p + j is channel c, pixel (i, j) of the patch.</remarks>
public sealed record PatchifyOp(string Name, string Output, int Channels, int ImageSize, int PatchSize, float[] Mean, float[] Std)
    : IrOp(Name, Output)
{
    public override Placement Placement => Placement.Host;

    public override IReadOnlyList<string> Inputs => [];

    public int PatchCount => (ImageSize / PatchSize) * (ImageSize / PatchSize);

    public override void Verify(OpVerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PatchSize <= 0 || ImageSize % PatchSize != 0)
            context.Report(IrDiagnosticCodes.BadHostParameter, $"patch size {PatchSize} must divide image size {ImageSize}");
        context.ExpectLength(Mean, Channels, "mean");
        context.ExpectLength(Std, Channels, "std");
        if (Std.Any(s => !(s > 0))) context.Report(IrDiagnosticCodes.BadHostParameter, "every std must be positive");
        if (PatchSize > 0)
        {
            long perSide = ImageSize / PatchSize;
            context.ExpectShape(context.Expect(Output, ElementType.Float32, "output"), perSide * perSide, (long)Channels * PatchSize * PatchSize, "output");
        }
    }
}
