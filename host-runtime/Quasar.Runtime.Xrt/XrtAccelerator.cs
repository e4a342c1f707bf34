using System.Collections.Concurrent;
using System.Globalization;
using Quasar.HwGen.Core.Execution.Kernel;

namespace Quasar.Runtime.Xrt;

/// <summary>
/// The <c>xrt</c> backend: every FPGA op through the kernel <c>quasar_gemm</c> of an xclbin on an XRT device, operands
/// laid out as words (<see cref="KernelWordLayout"/>, as the csim and golden paths do). Pointed at the sw-emu library it
/// is the <c>sw-emu</c> backend, the same code. A linear's weights and every op's row tables are written to device
/// buffers once, at load; activations per call. The compute unit runs one call at a time; the host-side layout of
/// different frames overlaps it.
/// </summary>
public sealed class XrtAccelerator : IAccelerator, IAcceleratorStages
{
    public const string KernelName = "quasar_gemm";

    private readonly XrtDevice _device;
    private readonly ConcurrentBag<XrtOp> _ops = [];

    private XrtAccelerator(XrtDevice device, XrtKernel kernel, XclbinFile xclbin, KernelGeometry geometry, GemmLimits limits)
    {
        _device = device;
        Kernel = kernel;
        Xclbin = xclbin;
        Geometry = geometry;
        Limits = limits;
        Name = device.Library.IsSoftwareEmulation ? "sw-emu" : "xrt";
    }

    public string Name { get; }

    public XclbinFile Xclbin { get; }

    /// <summary>The geometry of the engine the xclbin was built for (its TM, TN, TK): what the words are laid out for.</summary>
    public KernelGeometry Geometry { get; }

    /// <summary>The largest call the engine takes (its MAX_REDUCTION and MAX_ROWS).</summary>
    public GemmLimits Limits { get; }

    /// <summary>How long one kernel run may take before it counts as hung.</summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Word layout on the host, transfers (write + sync), kernel runs: summed over every call so far.</summary>
    public IReadOnlyList<AcceleratorStageTime> Stages => Clock.Stages;

    internal XrtStageClock Clock { get; } = new();

    internal XrtKernel Kernel { get; }

    internal XrtDevice Device => _device;

    /// <summary>One compute unit: runs are serialised on it.</summary>
    internal object ComputeUnit { get; } = new();

    /// <summary>Opens device 0 of <paramref name="libraryPath"/>, loads <paramref name="xclbinPath"/> and opens its kernel.</summary>
    public static XrtAccelerator Open(string libraryPath, string xclbinPath) => Open(libraryPath, XclbinFile.Read(xclbinPath));

    /// <summary>The same for an xclbin already read.</summary>
    public static XrtAccelerator Open(string libraryPath, XclbinFile xclbin)
    {
        ArgumentNullException.ThrowIfNull(xclbin);
        var xclbinPath = xclbin.Path;
        var (geometry, limits) = EngineOf(xclbin);
        var device = XrtDevice.Open(XrtLibrary.Load(libraryPath));
        try
        {
            var uuid = device.LoadXclbin(xclbinPath);
            return new XrtAccelerator(device, XrtKernel.Open(device, uuid, KernelName), xclbin, geometry, limits);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    public IAcceleratorOp Load(KernelOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var loaded = new XrtOp(this, op);
        _ops.Add(loaded);
        return loaded;
    }

    public void Dispose()
    {
        foreach (var op in _ops) op.Dispose();
        Kernel.Dispose();
        _device.Dispose();
    }

    /// <summary>
    /// The engine an xclbin was built for: its own <c>engine.*</c> metadata (the sw-emu xclbin), else the engine record
    /// beside it (<see cref="XclbinFile.EngineRecordPath"/>, which the generated project's <c>make xclbin</c> writes next
    /// to a v++-built xclbin).
    /// </summary>
    private static (KernelGeometry, GemmLimits) EngineOf(XclbinFile xclbin)
    {
        var engine = xclbin.Engine;
        var source = $"the xclbin '{xclbin.Path}'";
        if (engine.Count == 0)
        {
            var record = xclbin.EngineRecordPath;
            if (!File.Exists(record))
            {
                throw new XclbinException($"the xclbin '{xclbin.Path}' records no engine and there is no engine record '{record}' beside it: " +
                    "copy the generated project's build/<target>/quasar_gemm.engine (written by `make xclbin`) next to it, or rebuild the xclbin with the project's Makefile");
            }
            engine = XclbinFile.ReadEngineRecord(record);
            source = $"the engine record '{record}'";
        }
        int Value(string key) =>
            engine.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
                ? value
                : throw new XclbinException($"{source} does not record engine.{key}: it was not written for a quasar project; regenerate the project and rebuild");
        return (new KernelGeometry(Value("tile_tokens"), Value("tile_rows"), Value("tile_reduction")),
            new GemmLimits(Value("max_reduction"), Value("max_rows")));
    }
}
