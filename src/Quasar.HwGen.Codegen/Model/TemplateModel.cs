using System.Globalization;
using Quasar.HwGen.Core.Execution.Kernel;
using Scriban.Runtime;

namespace Quasar.HwGen.Codegen.Model;

/// <summary>
/// The globals the templates see, with snake_case names: <c>model</c>, <c>platform</c>, <c>engine</c> (the §2
/// constants), <c>kernel</c> (top name, ports, scalars, parameter declarations) and <c>golden</c>. Every number a
/// template prints is formatted here, invariantly.
/// </summary>
public static class TemplateModel
{
    /// <summary>The kernel's top function (docs/hls-engine.md §1).</summary>
    public const string Top = "quasar_gemm";

    /// <summary>The compute unit v++ instantiates.</summary>
    public const string Instance = Top + "_1";

    /// <summary>Where the golden vectors go, relative to the project.</summary>
    public const string GoldenPath = "tb/golden/golden.qgv";

    /// <summary>The kernel's status output (an s_axilite output scalar; the kernel itself is void).</summary>
    public const string StatusDeclaration = "int* status";

    /// <summary>
    /// The m_axi ports in signature order (docs/kernel-layout.md §1), 128-bit words: a and rows share gmem0 (rows are read
    /// once before the array starts), w streams on gmem1, the output on out0 (gmem2) and out1 (gmem3), a row tile's even and
    /// odd tokens (KernelOutputPorts); each bundle on its own HP port. Depths in words.
    /// </summary>
    public static IReadOnlyList<KernelPort> Ports(Golden.KernelArraySizes sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        return
        [
            new("a", "const ap_uint<128>* a", "gmem0", "HP0", Math.Max(sizes.A, 1)),
            new("w", "const ap_uint<128>* w", "gmem1", "HP1", Math.Max(sizes.W, 1)),
            new("rows", "const ap_uint<128>* rows", "gmem0", "HP0", Math.Max(sizes.Rows, 1)),
            new("out0", "ap_uint<128>* out0", "gmem2", "HP2", Math.Max(sizes.Out, 1)),
            new("out1", "ap_uint<128>* out1", "gmem3", "HP3", Math.Max(sizes.Out, 1)),
        ];
    }

    private static string Depth(IReadOnlyList<KernelPort> ports, string name) =>
        ports.Single(p => p.Name == name).Depth.ToString(CultureInfo.InvariantCulture);

    public static ScriptObject Build(ProjectDescription project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var ci = CultureInfo.InvariantCulture;
        var platform = project.Platform;
        var engine = project.Engine.Config;
        var ports = Ports(project.LargestArrays);

        var portObjects = new ScriptArray();
        foreach (var port in ports)
        {
            portObjects.Add(new ScriptObject
            {
                ["name"] = port.Name,
                ["declaration"] = port.Declaration,
                ["bundle"] = port.Bundle,
                ["memory"] = port.Memory,
                ["depth"] = port.Depth.ToString(ci),
            });
        }
        var parameters = new ScriptArray(ports.Select(p => p.Declaration).Concat(KernelWordCall.ScalarNames.Select(s => "int " + s)).Append(StatusDeclaration));

        return new ScriptObject
        {
            ["model"] = new ScriptObject
            {
                ["name"] = project.ModelName,
                ["subnet"] = project.SubnetSummary,
            },
            ["platform"] = new ScriptObject
            {
                ["name"] = platform.Name,
                ["part"] = platform.Part,
                ["vitis_platform"] = platform.VitisPlatform,
                ["clock_mhz"] = platform.ClockMhz.ToString("0.###", ci),
                ["clock_hz"] = Math.Round(platform.ClockHz).ToString("0", ci),
                ["clock_period_ns"] = (1000.0 / platform.ClockMhz).ToString("0.###", ci),
            },
            ["engine"] = new ScriptObject
            {
                ["packing"] = engine.PackingFactor.ToString(ci),
                ["dsp_units"] = engine.DspUnits.ToString(ci),
                ["lut_units"] = engine.LutUnits.ToString(ci),
                ["tile_tokens"] = engine.TileTokens.ToString(ci),
                ["tile_rows"] = engine.TileRows.ToString(ci),
                ["tile_reduction"] = engine.TileReduction.ToString(ci),
                ["tokens_per_cycle"] = engine.TokensPerCycle.ToString(ci),
                ["max_reduction"] = engine.MaxReduction.ToString(ci),
                ["max_rows"] = engine.MaxRows.ToString(ci),
                ["clock_mhz"] = Math.Round(engine.ClockMhz).ToString("0", ci),
                ["trip_batches"] = Math.Max(project.LargestArrays.Batches, 1).ToString(ci),
                ["trip_tokens"] = Math.Max(project.LargestArrays.Tokens, 1).ToString(ci),
                ["description"] = engine.Describe(),
                ["sizing"] = project.Engine.Sizing,
            },
            ["kernel"] = new ScriptObject
            {
                ["top"] = Top,
                ["instance"] = Instance,
                ["ports"] = portObjects,
                ["port_names"] = new ScriptArray(ports.Select(p => p.Name)),
                ["scalars"] = new ScriptArray(KernelWordCall.ScalarNames),
                ["depths"] = new ScriptObject
                {
                    ["a"] = Depth(ports, "a"),
                    ["w"] = Depth(ports, "w"),
                    ["rows"] = Depth(ports, "rows"),
                    ["out"] = Depth(ports, "out0"),
                },
                ["parameters"] = parameters,
            },
            ["golden"] = new ScriptObject
            {
                ["path"] = GoldenPath,
                ["file_name"] = Path.GetFileName(GoldenPath),
                ["candidates"] = new ScriptArray { Path.GetFileName(GoldenPath), GoldenPath },
                ["ops"] = project.GoldenOps.ToString(ci),
                ["calls"] = project.GoldenCalls.ToString(ci),
                ["images"] = project.GoldenImages.ToString(ci),
            },
        };
    }
}
