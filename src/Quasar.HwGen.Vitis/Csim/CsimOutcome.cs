namespace Quasar.HwGen.Vitis.Csim;

/// <summary>How a C simulation ended (docs/hls-engine.md §3, testbench output).</summary>
public enum CsimOutcome
{
    /// <summary>The testbench printed <c>PASS &lt;calls&gt;</c> and exited 0.</summary>
    Passed,

    /// <summary>The testbench printed a <c>MISMATCH ...</c> line: the kernel's output differs from the golden vector.</summary>
    Mismatch,

    /// <summary>The kernel returned a nonzero status (the call exceeds the compiled configuration; <c>STATUS ... status=&lt;n&gt;</c>).</summary>
    KernelError,

    /// <summary>The testbench was killed by a signal (segmentation fault, abort, ...).</summary>
    Crashed,

    /// <summary>Anything else: a nonzero exit without a recognised line, or exit 0 without <c>PASS</c>.</summary>
    Failed,
}
