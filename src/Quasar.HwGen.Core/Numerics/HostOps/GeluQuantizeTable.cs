using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Quasar.HwGen.Core.Numerics.HostOps.Simd;

namespace Quasar.HwGen.Core.Numerics.HostOps;

/// <summary>
/// GELU then quantization of an integer tensor as one lookup (docs/numerics.md §6.6): GELU's input is always an
/// integer q, so entry q + 32768 holds <c>clamp(round_even(Gelu(q·inputStep) / outputStep), min, max)</c>, equal
/// bit for bit to <see cref="Gelu"/> then <see cref="Quantizer"/>. Built once per op (65,536 evaluations).
/// </summary>
public sealed class GeluQuantizeTable
{
    /// <summary>One entry per int16 value; int8 and int6 inputs use the middle of the table.</summary>
    public const int Size = 1 << 16;

    private const int Offset = -short.MinValue;


    private readonly sbyte[] _values;
    private readonly PiecewiseLookup? _pieces;

    private GeluQuantizeTable(sbyte[] values)
    {
        _values = values;
        _pieces = PiecewiseLookup.TryCreate(values);
    }

    /// <summary>Entry q + 32768 is the quantized GELU of q.</summary>
    public ReadOnlySpan<sbyte> Values => _values;

    public static GeluQuantizeTable Create(float inputStep, float outputStep, int min, int max)
    {
        HostKernelArguments.RequireStep(inputStep, nameof(inputStep));
        Quantizer.Validate(outputStep, min, max);
        var values = new sbyte[Size];
        float reciprocal = Quantizer.Reciprocal(outputStep);
        for (int q = short.MinValue; q <= short.MaxValue; q++)
            values[q + Offset] = Quantizer.Quantize(Gelu.Evaluate(q * inputStep), reciprocal, min, max, q);
        return new GeluQuantizeTable(values);
    }

    /// <summary>
    /// The quantized GELU of each int16 value: a lookup, no arithmetic, so the same on every CPU. At the 256- and
    /// 512-bit widths, on a CPU with AVX-512 BW and VBMI, a table of at most 64 pieces is searched in registers, 64
    /// values at a time (<see cref="PiecewiseLookup"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(ReadOnlySpan<short> input, Span<sbyte> output, HostSimd simd = HostSimd.Auto)
    {
        HostKernelArguments.RequireSameLength(input.Length, output.Length);
        int i = _pieces is not null && HostSimdPaths.Resolve(simd) is HostSimd.Vector256 or HostSimd.Vector512 ? _pieces.Apply(input, output) : 0;
        // Every int16 + 32768 is inside the table, so the lookups skip the bounds check.
        ref sbyte table = ref MemoryMarshal.GetArrayDataReference(_values);
        for (; i < input.Length; i++) output[i] = Unsafe.Add(ref table, input[i] + Offset);
    }

    /// <summary>The quantized GELU of each int8 (or int6) value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(ReadOnlySpan<sbyte> input, Span<sbyte> output)
    {
        HostKernelArguments.RequireSameLength(input.Length, output.Length);
        ref sbyte table = ref MemoryMarshal.GetArrayDataReference(_values);
        for (int i = 0; i < input.Length; i++) output[i] = Unsafe.Add(ref table, input[i] + Offset);
    }
}
