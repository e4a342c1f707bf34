using Quasar.HwGen.Core.Configs;
using Quasar.HwGen.Core.Ir;
using Quasar.HwGen.Core.Ir.Ops;

namespace Quasar.HwGen.Codegen.Engine;

/// <summary>
/// The subnet an IR package was lowered from, read back from its ops (the names VitLowering gives them): embed dim
/// from the patch embedding, per block the heads of Q·Kᵀ, the MLP ratio from fc1 and each linear's 8-bit row ratio
/// from its row-precision map (the space's choice that gives the same row count). The engine solver sizes for it.
/// </summary>
public static class SubnetRecovery
{
    public static Subnet Recover(IrGraph graph, SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(space);
        var linears = graph.Ops.OfType<LinearOp>().ToDictionary(op => op.Name, StringComparer.Ordinal);
        var scores = graph.Ops.OfType<AttentionScoresOp>().ToDictionary(op => op.Name, StringComparer.Ordinal);
        LinearOp Linear(string name) => linears.TryGetValue(name, out var op) ? op
            : throw Unrecognized(graph, $"it has no linear op '{name}'");

        var patchEmbed = Linear("patch_embed");
        int embed = patchEmbed.OutFeatures;
        var layers = new List<SubnetLayer>();
        for (int i = 0; scores.ContainsKey($"blocks.{i}.attn.scores"); i++)
        {
            string p = $"blocks.{i}";
            var attention = scores[$"{p}.attn.scores"];
            LinearOp q = Linear($"{p}.attn.q"), k = Linear($"{p}.attn.k"), v = Linear($"{p}.attn.v");
            LinearOp proj = Linear($"{p}.attn.proj"), fc1 = Linear($"{p}.mlp.fc1"), fc2 = Linear($"{p}.mlp.fc2");
            int qkvRows = q.OutFeatures + k.OutFeatures + v.OutFeatures;
            int qkv8 = Count8(q) + Count8(k) + Count8(v);
            layers.Add(new SubnetLayer(attention.Heads, MlpRatio(graph, space, embed, fc1.OutFeatures),
                Ratio(graph, space, qkvRows, qkv8, $"{p}.attn.qkv"), Ratio(space, graph, proj), Ratio(space, graph, fc1), Ratio(space, graph, fc2)));
        }
        if (layers.Count == 0) throw Unrecognized(graph, "it has no attention op 'blocks.0.attn.scores'");
        var head = Linear("head");
        var subnet = new Subnet(space.Name, embed, layers.Count, Ratio(space, graph, patchEmbed), Ratio(space, graph, head), ValueList.Create<SubnetLayer>([.. layers]));
        var issues = subnet.FindIssues(space);
        if (issues.Count > 0)
            throw Unrecognized(graph, $"its shapes are not a subnet of the search space '{space.Name}' ({string.Join("; ", issues.Select(i => i.ToString()))})");
        return subnet;
    }

    private static int Count8(LinearOp op) => op.RowIs8Bit.Count(b => b);

    private static double Ratio(SearchSpace space, IrGraph graph, LinearOp op) => Ratio(graph, space, op.OutFeatures, Count8(op), op.Name);

    private static double Ratio(IrGraph graph, SearchSpace space, int rows, int eightBitRows, string name)
    {
        foreach (var choice in space.Choices.Row8BitRatios.Order())
        {
            if (SubnetLinear.EightBitRowCount(rows, choice) == eightBitRows) return choice;
        }
        throw Unrecognized(graph, $"'{name}' has {eightBitRows} of {rows} rows 8-bit, which no 8-bit ratio of '{space.Name}' gives");
    }

    private static double MlpRatio(IrGraph graph, SearchSpace space, int embed, int hidden)
    {
        foreach (var choice in space.Choices.MlpRatios)
        {
            if (Math.Abs(embed * choice - hidden) < 1e-9) return choice;
        }
        throw Unrecognized(graph, $"an MLP of {hidden} hidden units on embed dim {embed} matches no MLP ratio of '{space.Name}'");
    }

    private static CodegenException Unrecognized(IrGraph graph, string why) => new(
        $"cannot read the subnet of '{graph.Name}' back from its IR, so the engine solver cannot size an engine for it: {why}; "
        + "size the engine for the whole search space instead (--engine space, with --space if the package names none)");
}
