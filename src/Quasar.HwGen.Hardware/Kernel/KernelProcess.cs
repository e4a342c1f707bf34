namespace Quasar.HwGen.Hardware.Kernel;

/// <summary>The five processes of the kernel's DATAFLOW region (docs/kernel-layout.md §4).</summary>
public enum KernelProcess
{
    /// <summary>Reads A, one 128-bit word a cycle, into the activation stream.</summary>
    ReadA,

    /// <summary>Reads the weight stream (headers and chunks), one word a cycle, once per token tile.</summary>
    ReadW,

    /// <summary>Fills the input buffer, loads the double-buffered weight registers and runs the PE array.</summary>
    Compute,

    /// <summary>The output stage: a row tile's table entries, then one token's TN slots a cycle.</summary>
    Output,

    /// <summary>Writes the output words, one a cycle.</summary>
    Write,
}
