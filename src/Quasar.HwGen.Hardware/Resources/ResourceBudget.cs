using System.Globalization;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Constants;

namespace Quasar.HwGen.Hardware.Resources;

/// <summary>The resources an engine may use. The default is the paper's utilisation of the platform's resources.</summary>
public sealed record ResourceBudget(int Dsp, int Lut, int Ff, int Bram)
{
    public static IReadOnlyList<ResourceKind> Kinds { get; } = [ResourceKind.Dsp, ResourceKind.Lut, ResourceKind.Ff, ResourceKind.Bram];

    /// <summary>The largest budget of each resource: the largest device the platform rules allow (a budget is never negative).</summary>
    public static int MaxBudget(ResourceKind kind) => kind switch
    {
        ResourceKind.Dsp => ConfigLimits.MaxDsp,
        ResourceKind.Lut => ConfigLimits.MaxLut,
        ResourceKind.Ff => ConfigLimits.MaxFf,
        ResourceKind.Bram => ConfigLimits.MaxBram18k,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Why <paramref name="value"/> cannot be a budget of <paramref name="kind"/>, or null if it can: 0 to <see cref="MaxBudget"/>.</summary>
    public static string? Check(ResourceKind kind, int value) =>
        value >= 0 && value <= MaxBudget(kind) ? null
            : string.Create(CultureInfo.InvariantCulture, $"a {Name(kind)} budget of {value} is outside [0, {MaxBudget(kind)}] {Unit(kind)}");

    /// <summary>Every budget outside its range (<see cref="Check"/>); empty when all are usable.</summary>
    public IReadOnlyList<string> FindIssues() => [.. Kinds.Select(kind => Check(kind, (int)this[kind])).OfType<string>()];

    /// <summary>Throws <see cref="ArgumentException"/> naming every budget outside its range.</summary>
    public void Validate()
    {
        var issues = FindIssues();
        if (issues.Count > 0) throw new ArgumentException("invalid resource budget: " + string.Join("; ", issues));
    }

    /// <summary>The paper's designs: 69% of the DSPs, 66% of the LUTs, 31% of the FFs, 44% of the BRAM.</summary>
    public static ResourceBudget Paper(PlatformConfig platform) => Fraction(platform,
        PaperConstants.DspUtilisation, PaperConstants.LutUtilisation, PaperConstants.FfUtilisation, PaperConstants.BramUtilisation);

    /// <summary>Given shares of each resource of <paramref name="platform"/>, rounded down to whole blocks.</summary>
    public static ResourceBudget Fraction(PlatformConfig platform, double dsp, double lut, double ff, double bram)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (!new[] { dsp, lut, ff, bram }.All(share => share is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(dsp), "resource shares must be within [0, 1]");
        var r = platform.Resources;
        return new ResourceBudget((int)Math.Floor(dsp * r.Dsp), (int)Math.Floor(lut * r.Lut), (int)Math.Floor(ff * r.Ff), (int)Math.Floor(bram * r.Bram18k));
    }

    public double this[ResourceKind kind] => kind switch
    {
        ResourceKind.Dsp => Dsp,
        ResourceKind.Lut => Lut,
        ResourceKind.Ff => Ff,
        ResourceKind.Bram => Bram,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public bool Admits(ResourceUsage usage) => Kinds.All(kind => usage[kind] <= this[kind]);

    /// <summary>used / budget of each resource; the largest is the tightest.</summary>
    public double Share(ResourceUsage usage, ResourceKind kind) => this[kind] <= 0 ? double.PositiveInfinity : usage[kind] / this[kind];

    /// <summary>The resource closest to (or furthest beyond) its budget.</summary>
    public ResourceKind Tightest(ResourceUsage usage) => Kinds.MaxBy(kind => Share(usage, kind));

    /// <summary>Option name of each resource in the CLI (<c>--dsp-budget</c>, ...), used in messages.</summary>
    public static string OptionName(ResourceKind kind) => "--" + Name(kind).ToLowerInvariant() + "-budget";

    public static string Name(ResourceKind kind) => kind switch
    {
        ResourceKind.Dsp => "DSP",
        ResourceKind.Lut => "LUT",
        ResourceKind.Ff => "FF",
        ResourceKind.Bram => "BRAM",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Unit(ResourceKind kind) => kind switch
    {
        ResourceKind.Dsp => "DSP48E2s",
        ResourceKind.Lut => "LUTs",
        ResourceKind.Ff => "flip-flops",
        ResourceKind.Bram => "BRAM_18K blocks",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Dsp:N0} DSP, {Lut:N0} LUT, {Ff:N0} FF, {Bram:N0} BRAM_18K");
}
