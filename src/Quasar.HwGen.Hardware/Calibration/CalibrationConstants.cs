using System.Globalization;
using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Hardware.Constants;
using Quasar.HwGen.Hardware.Latency;
using Quasar.HwGen.Hardware.Resources;

namespace Quasar.HwGen.Hardware.Calibration;

/// <summary>
/// The constants a calibration file may set, by their snake_case names (docs/calibration.md): every cost of
/// <see cref="ResourceParameters"/> and the array efficiency η of <see cref="LatencyParameters"/>. Applying a file
/// gives the calibrated parameters; a name this model does not know, or a default that is not this model's (the file
/// was fitted to another version of it), is an issue naming the field.
/// </summary>
public static class CalibrationConstants
{
    public const string ArrayEfficiency = "array_efficiency";
    public const string LutUnitFfs = "lut_unit_ffs";
    public const string DspUnitFfs = "dsp_unit_ffs";
    public const string OutputLaneLuts = "output_lane_luts";
    public const string OutputLaneFfs = "output_lane_ffs";
    public const string ControlLuts = "control_luts";
    public const string ControlFfs = "control_ffs";
    public const string AxiMasterLuts = "axi_master_luts";
    public const string AxiMasterFfs = "axi_master_ffs";
    public const string ControlPortLuts = "control_port_luts";
    public const string ControlPortFfs = "control_port_ffs";
    public const string PlatformShellLuts = "platform_shell_luts";
    public const string PlatformShellFfs = "platform_shell_ffs";

    /// <summary>Every resource cost, in <see cref="ResourceParameters"/> order.</summary>
    public static IReadOnlyList<string> ResourceNames { get; } =
    [
        LutUnitFfs, DspUnitFfs, OutputLaneLuts, OutputLaneFfs, ControlLuts, ControlFfs, AxiMasterLuts, AxiMasterFfs,
        ControlPortLuts, ControlPortFfs, PlatformShellLuts, PlatformShellFfs,
    ];

    public static IReadOnlyList<string> Names { get; } = [.. ResourceNames, ArrayEfficiency];

    /// <summary>The model's default of <paramref name="name"/> (<see cref="ModelConstants"/>).</summary>
    public static double Default(string name) => name == ArrayEfficiency ? ModelConstants.ArrayEfficiency : Get(ResourceParameters.Default, name);

    public static double Get(ResourceParameters parameters, string name)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return name switch
        {
            LutUnitFfs => parameters.LutUnitFfs,
            DspUnitFfs => parameters.DspUnitFfs,
            OutputLaneLuts => parameters.OutputLaneLuts,
            OutputLaneFfs => parameters.OutputLaneFfs,
            ControlLuts => parameters.ControlLuts,
            ControlFfs => parameters.ControlFfs,
            AxiMasterLuts => parameters.AxiMasterLuts,
            AxiMasterFfs => parameters.AxiMasterFfs,
            ControlPortLuts => parameters.ControlPortLuts,
            ControlPortFfs => parameters.ControlPortFfs,
            PlatformShellLuts => parameters.PlatformShellLuts,
            PlatformShellFfs => parameters.PlatformShellFfs,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a resource cost of the model"),
        };
    }

    public static ResourceParameters With(ResourceParameters parameters, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return name switch
        {
            LutUnitFfs => parameters with { LutUnitFfs = value },
            DspUnitFfs => parameters with { DspUnitFfs = value },
            OutputLaneLuts => parameters with { OutputLaneLuts = value },
            OutputLaneFfs => parameters with { OutputLaneFfs = value },
            ControlLuts => parameters with { ControlLuts = value },
            ControlFfs => parameters with { ControlFfs = value },
            AxiMasterLuts => parameters with { AxiMasterLuts = value },
            AxiMasterFfs => parameters with { AxiMasterFfs = value },
            ControlPortLuts => parameters with { ControlPortLuts = value },
            ControlPortFfs => parameters with { ControlPortFfs = value },
            PlatformShellLuts => parameters with { PlatformShellLuts = value },
            PlatformShellFfs => parameters with { PlatformShellFfs = value },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a resource cost of the model"),
        };
    }

    /// <summary>What in <paramref name="file"/> this model cannot use: unknown names, defaults of another model version, an η outside (0, 1].</summary>
    public static IReadOnlyList<ConfigIssue> Check(CalibrationFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var ci = CultureInfo.InvariantCulture;
        var issues = new List<ConfigIssue>();
        for (int i = 0; i < file.Constants.Count; i++)
        {
            var constant = file.Constants[i];
            string path = string.Create(ci, $"constants[{i}]");
            if (!Names.Contains(constant.Name))
            {
                issues.Add(new(path + ".name", $"'{constant.Name}' is not a constant of this model; known: {string.Join(", ", Names)}"));
                continue;
            }
            double model = Default(constant.Name);
            if (Math.Abs(constant.Default - model) > 1e-9 * Math.Max(1, Math.Abs(model)))
            {
                issues.Add(new(path + ".default", string.Create(ci,
                    $"{constant.Default} is not this model's default of {constant.Name} ({model}): the file was fitted to another version of the model; rerun quasar calibrate")));
            }
            if (constant.Name == ArrayEfficiency && !(constant.Fitted is > 0 and <= 1))
                issues.Add(new(path + ".fitted", string.Create(ci, $"{constant.Fitted} is outside (0, 1], the range of the array efficiency; rerun quasar calibrate")));
        }
        return issues;
    }

    /// <summary>The resource costs of <paramref name="file"/> over the defaults (unset ones keep them).</summary>
    public static ResourceParameters Resources(CalibrationFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Constants.Where(c => ResourceNames.Contains(c.Name)).Aggregate(ResourceParameters.Default, (p, c) => With(p, c.Name, c.Fitted));
    }

    /// <summary><paramref name="latency"/> with the file's η, when it fits one.</summary>
    public static LatencyParameters Latency(CalibrationFile file, LatencyParameters latency)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(latency);
        return file.Fitted(ArrayEfficiency) is double efficiency ? latency with { ArrayEfficiency = efficiency } : latency;
    }
}
