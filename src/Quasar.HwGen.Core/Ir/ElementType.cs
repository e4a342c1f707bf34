namespace Quasar.HwGen.Core.Ir;

/// <summary>How a tensor's elements are stored and what range they may take (docs/numerics.md §1).</summary>
public enum ElementType
{
    /// <summary>Host-side values.</summary>
    Float32,

    /// <summary>6-bit signed activations [−32, 31], stored one per sbyte.</summary>
    Int6,

    /// <summary>8-bit signed values [−128, 127] (attention K and V), stored one per sbyte.</summary>
    Int8,

    /// <summary>16-bit signed GEMM outputs read by the host.</summary>
    Int16,
}
