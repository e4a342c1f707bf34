using System.Globalization;
using Quasar.HwGen.Core.Ir.Package;

namespace Quasar.HwGen.Core.Lowering.Export;

/// <summary>
/// Checks that every array of a <see cref="FloatVit"/> has the length its architecture needs, field by field, against
/// the seeded initializer's model of the same architecture (the one place that knows every shape).
/// </summary>
internal static class SubnetWeightsShapes
{
    public static void Require(FloatVit model, VitArchitecture architecture, string path)
    {
        var expected = RandomVitInitializer.Create(architecture, 1);
        var problems = new List<string>();
        void Compare(string field, Array? actual, Array reference)
        {
            if (actual is null) problems.Add($"{field} is missing");
            else if (actual.Length != reference.Length) problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field} has {actual.Length} values, the subnet needs {reference.Length}"));
        }
        void Linear(string field, FloatLinear? actual, FloatLinear reference)
        {
            if (actual is null) { problems.Add($"{field} is missing"); return; }
            if (actual.Out != reference.Out || actual.In != reference.In)
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field} is {actual.Out}×{actual.In}, the subnet needs {reference.Out}×{reference.In}"));
            Compare(field + ".weight", actual.Weight, reference.Weight);
            Compare(field + ".bias", actual.Bias, reference.Bias);
            Compare(field + ".row_is8_bit", actual.RowIs8Bit, reference.RowIs8Bit);
        }

        Linear("patch_embed", model.PatchEmbed, expected.PatchEmbed);
        Compare("class_token", model.ClassToken, expected.ClassToken);
        Compare("position_embedding", model.PositionEmbedding, expected.PositionEmbedding);
        Compare("norm_gamma", model.NormGamma, expected.NormGamma);
        Compare("norm_beta", model.NormBeta, expected.NormBeta);
        Linear("head", model.Head, expected.Head);
        if (model.Blocks is null || model.Blocks.Count != expected.Blocks.Count)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"blocks holds {model.Blocks?.Count ?? 0} blocks, the subnet has {expected.Blocks.Count}"));
        else
        {
            for (int b = 0; b < expected.Blocks.Count; b++)
            {
                FloatBlock actual = model.Blocks[b], reference = expected.Blocks[b];
                string at = string.Create(CultureInfo.InvariantCulture, $"blocks[{b}].");
                Compare(at + "norm1_gamma", actual.Norm1Gamma, reference.Norm1Gamma);
                Compare(at + "norm1_beta", actual.Norm1Beta, reference.Norm1Beta);
                Linear(at + "qkv", actual.Qkv, reference.Qkv);
                Linear(at + "proj", actual.Proj, reference.Proj);
                Compare(at + "sls1", actual.Sls1, reference.Sls1);
                Compare(at + "norm2_gamma", actual.Norm2Gamma, reference.Norm2Gamma);
                Compare(at + "norm2_beta", actual.Norm2Beta, reference.Norm2Beta);
                Linear(at + "fc1", actual.Fc1, reference.Fc1);
                Linear(at + "fc2", actual.Fc2, reference.Fc2);
                Compare(at + "sls2", actual.Sls2, reference.Sls2);
            }
        }
        if (problems.Count > 0)
            throw new IrPackageException(path, $"{problems[0]}{(problems.Count > 1 ? $" (and {problems.Count - 1} more)" : "")}: these weights are not of the subnet they name; export them again with quasar export-weights");
    }
}
