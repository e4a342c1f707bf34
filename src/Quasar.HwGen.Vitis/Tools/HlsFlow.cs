namespace Quasar.HwGen.Vitis.Tools;

/// <summary>Which Vitis HLS front end drives a project (docs/vitis.md).</summary>
public enum HlsFlow
{
    /// <summary>No Vitis HLS tool found: only the g++ csim is available.</summary>
    None,

    /// <summary><c>vitis_hls -f scripts/run_hls.tcl -tclargs &lt;step&gt;</c> (Vitis HLS up to 2024.2).</summary>
    ClassicTcl,

    /// <summary>Vitis 2024.x unified flow: <c>v++ -c --mode hls</c> and <c>vitis-run --mode hls</c> with hls_config.cfg.</summary>
    Unified,
}
