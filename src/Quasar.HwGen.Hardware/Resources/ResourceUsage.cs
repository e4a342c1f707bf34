using System.Globalization;

namespace Quasar.HwGen.Hardware.Resources;

/// <summary>An amount of each resource. LUTs and FFs are estimates with fractions (Table 4 costs 10.9 LUTs a unit).</summary>
public readonly record struct ResourceUsage(double Lut, double Ff, int Dsp, int Bram)
{
    public static ResourceUsage Zero => default;

    public double this[ResourceKind kind] => kind switch
    {
        ResourceKind.Dsp => Dsp,
        ResourceKind.Lut => Lut,
        ResourceKind.Ff => Ff,
        ResourceKind.Bram => Bram,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ResourceUsage operator +(ResourceUsage a, ResourceUsage b) => new(a.Lut + b.Lut, a.Ff + b.Ff, a.Dsp + b.Dsp, a.Bram + b.Bram);

    public ResourceUsage Add(ResourceUsage other) => this + other;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Dsp:N0} DSP, {Lut:N0} LUT, {Ff:N0} FF, {Bram:N0} BRAM_18K");
}
