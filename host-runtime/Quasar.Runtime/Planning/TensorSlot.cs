using Quasar.HwGen.Core.Ir;

namespace Quasar.Runtime.Planning;

/// <summary>A tensor that a frame holds a buffer for: its index in the frame and its type (float, sbyte or short storage).</summary>
internal sealed record TensorSlot(int Index, string Name, TensorType Type)
{
    public bool IsFloat => Type.Element == ElementType.Float32;

    public bool IsShort => Type.Element == ElementType.Int16;

    public bool IsByte => Type.Element is ElementType.Int6 or ElementType.Int8;
}
