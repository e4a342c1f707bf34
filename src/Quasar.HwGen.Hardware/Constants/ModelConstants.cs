namespace Quasar.HwGen.Hardware.Constants;

/// <summary>
/// The model's own numbers, where neither the paper nor a datasheet gives one: each is either an *estimate* (an
/// engineering guess, stated with its reasoning, to be replaced by a csynth/Vivado report or a board measurement) or
/// *fitted* to the paper's FPS and utilisation (docs/hardware-model.md §5, the calibration table).
/// </summary>
public static class ModelConstants
{
    // ---- Resources (docs/hardware-model.md §2) ----

    /// <summary>Estimate: flip-flops of a LUT-based unit: its 10-bit product register and its share of the pipelined adder tree.</summary>
    public const double LutUnitFfs = 22;

    /// <summary>Estimate: flip-flops of a DSP-based unit: the DSP keeps its products in its own P register; the unit pays for unpacking the fields and its share of the adder tree.</summary>
    public const double DspUnitFfs = 12;

    /// <summary>Estimate: one int32 accumulator (adder and its read-modify-write register) per array row and token: 32 LUTs, 32 FFs.</summary>
    public const double AccumulatorLuts = 32;

    /// <inheritdoc cref="AccumulatorLuts"/>
    public const double AccumulatorFfs = 32;

    /// <summary>
    /// Estimate: LUTs of one output-stage lane beside its 4 DSPs: nibble combine 16·acc_h + acc_l and bias add (2 × 32),
    /// the 64-bit rounding add (64), the variable arithmetic shift by 1–62 (3 levels of 4:1 muxes on 64 bits, 192) and
    /// the saturation to int16 or the 6-bit/int8 range (~30). SLS costs nothing more: λ is folded into M (numerics.md §4).
    /// </summary>
    public const double OutputLaneLuts = 350;

    /// <summary>Estimate: pipeline registers of an output-stage lane (64-bit product and shift stages).</summary>
    public const double OutputLaneFfs = 400;

    /// <summary>Estimate: the HLS dataflow control (FSMs, loop counters, the three address generators).</summary>
    public const double ControlLuts = 6_000;

    /// <inheritdoc cref="ControlLuts"/>
    public const double ControlFfs = 9_000;

    /// <summary>The engine's AXI masters: activations in, weights in, outputs out, row parameters in.</summary>
    public const int AxiMasters = 4;

    /// <summary>Estimate: LUTs of one Vitis HLS m_axi adapter with its burst logic (typical csynth reports: 1–2 k).</summary>
    public const double AxiMasterLuts = 1_500;

    /// <summary>Estimate: FFs of one m_axi adapter.</summary>
    public const double AxiMasterFfs = 2_500;

    /// <summary>Estimate: BRAM_18K of one m_axi adapter's read/write burst FIFOs.</summary>
    public const int AxiMasterBram = 2;

    /// <summary>Estimate: the s_axilite control port (arguments, start/done).</summary>
    public const double ControlPortLuts = 300;

    /// <inheritdoc cref="ControlPortLuts"/>
    public const double ControlPortFfs = 400;

    /// <summary>Estimate: the Vitis platform's static logic in the PL (SmartConnect to the HP ports, interrupt, clocking, resets).</summary>
    public const double PlatformShellLuts = 8_000;

    /// <inheritdoc cref="PlatformShellLuts"/>
    public const double PlatformShellFfs = 12_000;

    // ---- Latency (docs/hardware-model.md §3) ----

    /// <summary>Estimate: pipeline stages of the array besides the adder tree (operand register, DSP or LUT multiply, unpack, accumulate).</summary>
    public const int ArrayPipelineStages = 6;

    /// <summary>
    /// Fitted to the paper's FPS (docs/hardware-model.md §5, <c>PaperCalibration.Fit</c>): the fraction of cycles the
    /// array streams tokens while it has work (HLS II slips, BRAM port conflicts, control between k-steps).
    /// </summary>
    public const double ArrayEfficiency = 0.76;

    /// <summary>
    /// Fitted to the paper's FPS (docs/hardware-model.md §5, <c>PaperCalibration.Fit</c>): scales the nominal host
    /// cycles per element of every host op (<see cref="HostCycles"/>, plain NEON float code). The paper's FPS only
    /// bounds it from above (the host must keep up with the FPGA on QUASAR-S); the fit takes that bound, the least
    /// optimistic host the paper allows: host ops 3.5× cheaper than plain NEON (fused passes, int16-indexed tables).
    /// </summary>
    public const double HostCostScale = 0.28;

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
