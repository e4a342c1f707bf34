namespace Quasar.HwGen.Hardware.Latency;

/// <summary>The ops of one inference in execution order (docs/numerics.md §5), as named in latency breakdowns.</summary>
public enum VitOp
{
    Patchify,
    PatchQuantize,
    PatchEmbed,
    Embedding,
    Norm1,
    QkvQuantize,
    Query,
    Key,
    Value,
    QkvRelayout,
    Scores,
    Softmax,
    ProbabilityQuantize,
    Context,
    ContextRelayout,
    Projection,
    Residual1,
    Norm2,
    Fc1Quantize,
    Fc1,
    Gelu,
    Fc2Quantize,
    Fc2,
    Residual2,
    FinalNorm,
    HeadQuantize,
    Head,
    LogitsDequantize,
}
