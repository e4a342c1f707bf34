namespace Quasar.HwGen.Hardware.Constants;

/// <summary>
/// The model's own numbers, where neither the paper nor a datasheet gives one: each is either an *estimate* (an
/// engineering guess, stated with its reasoning, to be replaced by a csynth/Vivado report or a board measurement) or
/// *fitted* to the paper's FPS and utilisation (docs/hardware-model.md §5, the calibration table). The resource
/// estimates and η are the defaults of <c>ResourceParameters</c> and <c>LatencyParameters</c>, which `quasar calibrate`
/// fits to csynth and cosim reports (docs/calibration.md) and `--calibration` applies.
/// </summary>
public static class ModelConstants
{
    // ---- Resources (docs/hardware-model.md §2) ----

    /// <summary>Estimate: flip-flops of a LUT-based unit: its 10-bit product register and its share of the pipelined adder tree.</summary>
    public const double LutUnitFfs = 22;

    /// <summary>Estimate: flip-flops of a DSP-based unit: the DSP keeps its products in its own P register; the unit pays for unpacking the fields and its share of the adder tree.</summary>
    public const double DspUnitFfs = 12;

    /// <summary>
    /// Estimate: LUTs of one output-stage lane beside its 4 DSPs: nibble combine 16·acc_h + acc_l and bias add (2 × 32),
    /// the 64-bit rounding add (64), the variable arithmetic shift by 1–62 (3 levels of 4:1 muxes on 64 bits, 192) and
    /// the saturation to int16 or the 6-bit/int8 range (~30). SLS costs nothing more: λ is folded into M (numerics.md §4).
    /// </summary>
    public const double OutputLaneLuts = 350;

    /// <summary>Estimate: pipeline registers of an output-stage lane (64-bit product and shift stages).</summary>
    public const double OutputLaneFfs = 400;

    /// <summary>Estimate: the HLS DATAFLOW control (the five processes' FSMs, loop counters, the address generators, stream handshakes).</summary>
    public const double ControlLuts = 6_000;

    /// <inheritdoc cref="ControlLuts"/>
    public const double ControlFfs = 9_000;

    /// <summary>The kernel's m_axi bundles: gmem0 (A and the row tables), gmem1 (weights), gmem2 and gmem3 (the two output ports) (docs/kernel-layout.md §1).</summary>
    public const int AxiMasters = 4;

    /// <summary>Estimate: LUTs of one 128-bit Vitis HLS m_axi adapter with its burst logic (typical csynth reports: 1–2 k).</summary>
    public const double AxiMasterLuts = 1_500;

    /// <summary>Estimate: FFs of one m_axi adapter.</summary>
    public const double AxiMasterFfs = 2_500;

    /// <summary>
    /// Estimate: words of one m_axi adapter's burst FIFO: Vitis' defaults of 16 outstanding bursts of 16 beats
    /// (<see cref="VitisHlsConstants"/>), 128-bit words: 4 RAMB18E2s (512 × 36 each) side by side.
    /// </summary>
    public const int AxiBurstFifoWords = VitisHlsConstants.AxiOutstandingBursts * VitisHlsConstants.AxiMaxBurstBeats;

    /// <summary>Estimate: the s_axilite control port (arguments, start/done).</summary>
    public const double ControlPortLuts = 300;

    /// <inheritdoc cref="ControlPortLuts"/>
    public const double ControlPortFfs = 400;

    /// <summary>Estimate: the Vitis platform's static logic in the PL (SmartConnect to the HP ports, interrupt, clocking, resets).</summary>
    public const double PlatformShellLuts = 8_000;

    /// <inheritdoc cref="PlatformShellLuts"/>
    public const double PlatformShellFfs = 12_000;

    // ---- Latency (docs/hardware-model.md §3; the kernel's pipeline depths are in KernelDepths) ----

    /// <summary>
    /// Fitted to the paper's FPS (docs/hardware-model.md §5, <c>PaperCalibration.Fit</c>): the share of its streaming
    /// iterations in which the array issues a token step (II slips, stalls on the accumulator memory). The fit lands on
    /// its bound, 1: the streaming engine stays below the paper's FPS even when the array never slips, so the model
    /// counts the kernel exactly as its accounting build does (docs/kernel-layout.md §4).
    /// </summary>
    public const double ArrayEfficiency = 1.0;

    /// <summary>
    /// Fitted to the paper's FPS (docs/hardware-model.md §5, <c>PaperCalibration.Fit</c>): scales the nominal host
    /// cycles per element of every host op (<see cref="HostCycles"/>, plain NEON float code). The paper's FPS only
    /// bounds it from above (the host must keep up with 251.6 FPS on QUASAR-S); the fit takes that bound, the least
    /// optimistic host the paper allows: host ops 4× cheaper than plain NEON (fused passes, int16-indexed tables).
    /// </summary>
    public const double HostCostScale = 0.25;

    /// <summary>
    /// Estimate: host time to start one FPGA kernel run and see it finish, µs: writing the arguments to the s_axilite
    /// registers and polling ap_done (an interrupt-driven XRT wait costs several times more).
    /// </summary>
    public const double KernelLaunchMicroseconds = 5;

    /// <summary>Estimate: host time to fork a host op over the cores and join them, µs.</summary>
    public const double HostOpDispatchMicroseconds = 2;

    /// <summary>
    /// Estimate: bytes per second of cache maintenance on the shared buffers (clean before the FPGA reads what the host
    /// wrote, invalidate before the host reads what the FPGA wrote): one DC CIVAC per 64-byte line every 2 cycles of
    /// one 1.2 GHz core, 64 B × 0.6 G/s.
    /// </summary>
    public const double CacheMaintenanceBytesPerSecond = 38.4e9;

    /// <summary>Share of the cores' peak a host op reaches when it runs on all of them (load imbalance, barriers).</summary>
    public const double HostParallelEfficiency = 0.85;
}
