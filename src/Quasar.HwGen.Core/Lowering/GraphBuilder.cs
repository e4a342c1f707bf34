using System.Globalization;
using Quasar.HwGen.Core.Execution;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Core.Lowering;

/// <summary>
/// Appends ops to a graph and runs each one at once on the calibration images, so that later ops can choose their
/// steps from the values the integer model really produces.
/// </summary>
internal sealed class GraphBuilder(IReadOnlyList<byte[]> calibrationImages, IFpgaEngine engine)
{
    private readonly List<TensorValue> _tensors = [];
    private readonly List<IrOp> _ops = [];
    private readonly List<Dictionary<string, TensorData>> _values = calibrationImages.Select(_ => new Dictionary<string, TensorData>(StringComparer.Ordinal)).ToList();

    public IReadOnlyList<IrOp> Ops => _ops;

    /// <summary>Adds <paramref name="op"/> with an output of <paramref name="type"/> and evaluates it on every calibration image.</summary>
    public string Add(IrOp op, TensorType type)
    {
        _tensors.Add(new TensorValue(op.Output, type));
        _ops.Add(op);
        for (int i = 0; i < calibrationImages.Count; i++)
        {
            var value = IrInterpreter.Execute(op, type, _values[i], calibrationImages[i], engine);
            RequireNoNaN(op.Name, i, value);
            _values[i][op.Output] = value;
        }
        return op.Output;
    }

    /// <summary>
    /// A float output that is NaN on a calibration image comes from values beyond float32 (a weight, an embedding or a
    /// step near float.MaxValue): bad weights, refused here, naming the op, before a later quantize fails on it.
    /// </summary>
    private static void RequireNoNaN(string op, int image, TensorData value)
    {
        if (value.Floats is not { } floats) return;
        int at = Array.FindIndex(floats, float.IsNaN);
        if (at < 0) return;
        throw new LoweringException(string.Create(CultureInfo.InvariantCulture,
            $"{op}: on calibration image {image} its output is NaN at element {at}: a value of it or before it is beyond float32 "
            + $"(a weight, embedding or step far too large); check the weights (did training diverge?)"));
    }

    public TensorType TypeOf(string tensor) => _tensors.First(t => t.Name == tensor).Type;

    /// <summary>The tensor's values on every calibration image, as float32.</summary>
    public IEnumerable<float[]> Values(string tensor) => _values.Select(v => v[tensor].ToFloat());

    /// <summary>The integer codes of an Int6 or Int8 tensor on every calibration image.</summary>
    public IEnumerable<sbyte[]> Codes(string tensor) =>
        _values.Select(v => v[tensor].Bytes ?? throw new InvalidOperationException($"{tensor} is not an Int6 or Int8 tensor"));

    public IrGraph Build(string name, string output, IReadOnlyDictionary<string, string> metadata) =>
        new(name, _tensors.ToList(), _ops.ToList(), output, metadata);
}
