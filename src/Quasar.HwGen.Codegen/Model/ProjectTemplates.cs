namespace Quasar.HwGen.Codegen.Model;

/// <summary>Which template renders which project file. Templates whose name starts with '_' are partials, only included.</summary>
public static class ProjectTemplates
{
    /// <summary>(template path under the template root, output path in the project) for a platform.</summary>
    public static IReadOnlyList<(string Template, string Output)> For(string platformName)
    {
        if (string.IsNullOrEmpty(platformName) || platformName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || platformName.StartsWith('.'))
            throw new ArgumentException($"platform name '{platformName}' is not a safe file name (letters, digits, '-', '_', '.')", nameof(platformName));
        return
        [
            ("include/quasar_engine_config.h.sbn", "include/quasar_engine_config.h"),
            ("src/quasar_gemm.cpp.sbn", $"src/{TemplateModel.Top}.cpp"),
            ("tb/quasar_tb.cpp.sbn", "tb/quasar_tb.cpp"),
            ("scripts/run_hls.tcl.sbn", "scripts/run_hls.tcl"),
            ("hls_config.cfg.sbn", "hls_config.cfg"),
            ("vpp/platform.link.cfg.sbn", $"vpp/{platformName}.link.cfg"),
            ("vpp/engine.sbn", $"vpp/{TemplateModel.Top}.engine"),
            ("Makefile.sbn", "Makefile"),
            ("README.md.sbn", "README.md"),
        ];
    }
}
