using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Core.Configs;

namespace Quasar.HwGen.Codegen.Project;

/// <summary>One `quasar generate`: which IR package (read with <see cref="LoadedPackage.Read"/>), where to, for which platform and search space, how to size the engine.</summary>
/// <param name="Space">The package's search space: the engine solver sizes within it.</param>
/// <param name="GoldenImages">Input images (bytes, C×H×W) whose FPGA calls become the golden vectors.</param>
/// <param name="Force">Overwrite generated files that were edited since (and existing files generation did not write).</param>
public sealed record GenerateRequest(
    LoadedPackage Package,
    string OutputDirectory,
    PlatformConfig Platform,
    SearchSpace Space,
    EngineSizingOptions Engine,
    IReadOnlyList<byte[]> GoldenImages,
    bool Force = false);
