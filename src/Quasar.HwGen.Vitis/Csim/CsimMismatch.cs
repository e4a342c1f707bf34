namespace Quasar.HwGen.Vitis.Csim;

/// <summary>
/// The testbench's first difference: <c>MISMATCH layer=&lt;op&gt; tensor=&lt;name&gt; image=&lt;i&gt;
/// index=&lt;batch,row,col&gt; expected=&lt;e&gt; got=&lt;g&gt;</c>. Fields the line lacks are empty.
/// </summary>
public sealed record CsimMismatch(string Layer, string Tensor, string Image, string Index, string Expected, string Got, string Line)
{
    public override string ToString() => $"layer {Layer}, tensor {Tensor}, image {Image}, index {Index}: expected {Expected}, got {Got}";
}
