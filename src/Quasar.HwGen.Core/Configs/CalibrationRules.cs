namespace Quasar.HwGen.Core.Configs;

/// <summary>The validation rules of a <see cref="CalibrationFile"/>; field paths use the YAML keys.</summary>
internal static class CalibrationRules
{
    public static IReadOnlyList<ConfigIssue> Check(CalibrationFile file)
    {
        var issues = new List<ConfigIssue>();
        if (string.IsNullOrWhiteSpace(file.Part)) issues.Add(new("part", "is empty; give the FPGA part the reports are of (e.g. xczu9eg-ffvb1156-2-e)"));
        if (string.IsNullOrWhiteSpace(file.TopFunction)) issues.Add(new("top_function", "is empty; the reports are of quasar_gemm"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < file.Constants.Count; i++)
        {
            var constant = file.Constants[i];
            string path = ConfigPath.Element("constants", i);
            if (string.IsNullOrWhiteSpace(constant.Name)) issues.Add(new(ConfigPath.Child(path, "name"), "is empty; name the model constant"));
            else if (!seen.Add(constant.Name)) issues.Add(new(ConfigPath.Child(path, "name"), $"'{constant.Name}' is fitted twice; keep one entry"));
            if (!(constant.Fitted >= 0)) issues.Add(new(ConfigPath.Child(path, "fitted"), $"{constant.Fitted} is negative; a cost or share is at least 0: rerun quasar calibrate"));
        }
        return issues;
    }
}
