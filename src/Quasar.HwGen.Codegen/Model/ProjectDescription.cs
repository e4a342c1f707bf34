using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Golden;
using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Codegen.Model;

/// <summary>Everything the templates are rendered from: the model, the platform, the engine and the golden vectors' shape.</summary>
/// <param name="ModelName">The IR graph's name.</param>
/// <param name="SubnetSummary">One line about the subnet (the package's metadata).</param>
public sealed record ProjectDescription(
    string ModelName,
    string SubnetSummary,
    PlatformConfig Platform,
    EngineChoice Engine,
    int GoldenOps,
    int GoldenCalls,
    int GoldenImages,
    KernelArraySizes LargestArrays);
