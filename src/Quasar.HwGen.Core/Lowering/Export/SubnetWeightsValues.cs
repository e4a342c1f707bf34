using System.Globalization;
using Quasar.HwGen.Core.Ir.Package;

namespace Quasar.HwGen.Core.Lowering.Export;

/// <summary>
/// Checks what the document's schema cannot: no block is null, every learned step can quantize, and every float
/// parameter is finite. A corrupt or hand-edited export is refused on read, and a diverged checkpoint's subnet before
/// it is exported or lowered, naming the field, instead of failing deep in lowering.
/// </summary>
public static class SubnetWeightsValues
{
    /// <summary>
    /// The host quantizer multiplies by 1 / step in float32 (docs/numerics.md §6.3): a step and its reciprocal must both
    /// be normal floats. Trained steps lie far inside (the shipped export's: 0.0056 to 0.29).
    /// </summary>
    private const string StepRule = "a learned step must be positive and finite, between 2^-126 and 2^126 so that its float32 reciprocal is a normal number";

    internal static void Require(FloatVit model, string path)
    {
        var problems = Problems(model);
        if (problems.Count > 0)
            throw new IrPackageException(path, $"{Summary(problems)}; the export is damaged: export the weights again with quasar export-weights");
    }

    /// <summary>The first problem, and how many more there are.</summary>
    public static string Summary(IReadOnlyList<string> problems) =>
        $"{problems[0]}{(problems.Count > 1 ? $" (and {problems.Count - 1} more)" : "")}";

    /// <summary>Every value that cannot be lowered, each as "field is value: rule"; empty when all can.</summary>
    public static IReadOnlyList<string> Problems(FloatVit model)
    {
        var problems = new List<string>();
        void Step(string field, float? step)
        {
            if (step is float s && !IsUsableStep(s)) problems.Add($"{field} is {Text(s)}: {StepRule}");
        }
        void Finite(string field, float[]? values)
        {
            int bad = values is null ? -1 : Array.FindIndex(values, v => !float.IsFinite(v));
            if (bad >= 0) problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field}[{bad}] is {Text(values![bad])}: every parameter must be a finite number"));
        }
        void Linear(string field, FloatLinear? linear)
        {
            Finite(field + ".weight", linear?.Weight);
            Finite(field + ".bias", linear?.Bias);
        }

        Linear("patch_embed", model.PatchEmbed);
        Finite("class_token", model.ClassToken);
        Finite("position_embedding", model.PositionEmbedding);
        for (int b = 0; b < (model.Blocks?.Count ?? 0); b++)
        {
            string at = string.Create(CultureInfo.InvariantCulture, $"blocks[{b}]");
            if (model.Blocks![b] is not { } block)
            {
                problems.Add($"{at} is null");
                continue;
            }
            Finite(at + ".norm1_gamma", block.Norm1Gamma);
            Finite(at + ".norm1_beta", block.Norm1Beta);
            Linear(at + ".qkv", block.Qkv);
            Linear(at + ".proj", block.Proj);
            Finite(at + ".sls1", block.Sls1);
            Finite(at + ".norm2_gamma", block.Norm2Gamma);
            Finite(at + ".norm2_beta", block.Norm2Beta);
            Linear(at + ".fc1", block.Fc1);
            Linear(at + ".fc2", block.Fc2);
            Finite(at + ".sls2", block.Sls2);
            if (block.Steps is not { } steps) continue;
            Step(at + ".steps.qkv_input", steps.QkvInput);
            Step(at + ".steps.query", steps.Query);
            Step(at + ".steps.key", steps.Key);
            Step(at + ".steps.value", steps.Value);
            Step(at + ".steps.probabilities", steps.Probabilities);
            Step(at + ".steps.proj_input", steps.ProjInput);
            Step(at + ".steps.fc1_input", steps.Fc1Input);
            Step(at + ".steps.fc2_input", steps.Fc2Input);
        }
        Finite("norm_gamma", model.NormGamma);
        Finite("norm_beta", model.NormBeta);
        Linear("head", model.Head);
        Step("input_step", model.InputStep);
        Step("head_input_step", model.HeadInputStep);
        return problems;
    }

    private static bool IsUsableStep(float step) => step > 0 && float.IsNormal(step) && float.IsNormal(1f / step);

    private static string Text(float value) => value.ToString(CultureInfo.InvariantCulture);
}
