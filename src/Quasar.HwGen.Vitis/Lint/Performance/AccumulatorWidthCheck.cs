using System.Globalization;
using System.Text.RegularExpressions;

namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>
/// QLINT106: an accumulator or partial-sum type wider than docs/numerics.md §3 needs for the configuration.
/// Accumulators (typedefs acc_t / accum_t, variables acc / accum) hold |acc| ≤ MAX_REDUCTION · 2^(a-1) · 2^(w-1);
/// partial sums (typedef psum_t, variables psum) one array cycle, |psum| ≤ TILE_REDUCTION · 2^(a-1) · (2^n - 1)
/// (a nibble operand is at most 15). a = ACTIVATION_BITS (6), w = WEIGHT_BITS (8), n = NIBBLE_BITS (4) when the
/// sources do not define them. A signed bound B needs ⌈log2(B + 1)⌉ + 1 bits.
/// </summary>
internal static partial class AccumulatorWidthCheck
{
    public static IEnumerable<LintFinding> Run(KernelSource kernel, LintRule rule)
    {
        var unit = kernel.Unit;
        long activation = 1L << (int)((unit.ValueOf("ACTIVATION_BITS") ?? 6) - 1);
        long weight = 1L << (int)((unit.ValueOf("WEIGHT_BITS") ?? 8) - 1);
        long nibble = (1L << (int)(unit.ValueOf("NIBBLE_BITS") ?? 4)) - 1;
        var bounds = new Dictionary<bool, (long Bound, string How)>();
        if (unit.ValueOf("MAX_REDUCTION") is { } k)
            bounds[false] = (k * activation * weight, $"|acc| ≤ MAX_REDUCTION {k} × {activation} × {weight}");
        if (unit.ValueOf("TILE_REDUCTION") is { } tk)
            bounds[true] = (tk * activation * nibble, $"|psum| ≤ TILE_REDUCTION {tk} × {activation} × {nibble}");

        var seen = new HashSet<(bool, string)>();
        var candidates = new List<(bool Partial, string Name, int TypeStart, int TypeEnd, CppToken At, string Function)>();
        foreach (var (name, alias) in unit.Typedefs)
            if (Role(name, typedefName: true) is { } partial) candidates.Add((partial, name, alias.Start, alias.End, alias.At, "typedef " + name));
        foreach (var function in kernel.Reachable)
        {
            foreach (var parameter in function.Parameters)
                if (Role(parameter.Name, typedefName: false) is { } partial) candidates.Add((partial, parameter.Name, parameter.TypeStart, parameter.TypeEnd, unit.Tokens[parameter.TypeStart], function.Name));
            for (int i = function.Body.Start + 1; i < function.Body.End; i++)
            {
                var t = unit.Tokens[i];
                if (t.Kind != CppTokenKind.Identifier || Role(t.Text, typedefName: false) is not { } partial) continue;
                if (!(unit.Tokens[i + 1].Is("[") || unit.Tokens[i + 1].Is(";") || unit.Tokens[i + 1].Is("=")) || unit.Tokens[i - 1].Kind != CppTokenKind.Identifier && !unit.Tokens[i - 1].Is(">")) continue;
                int start = i - 1;
                while (start > function.Body.Start && (unit.Tokens[start - 1].Kind == CppTokenKind.Identifier || unit.Tokens[start - 1].Is("::"))) start--;
                if (!unit.IsCompileTime(unit.Tokens[start].Text) && !unit.Typedefs.ContainsKey(unit.Tokens[i - 1].Text)) continue;
                candidates.Add((partial, t.Text, start, i, t, function.Name));
            }
        }
        foreach (var (partial, name, typeStart, typeEnd, at, where) in candidates)
        {
            if (!bounds.TryGetValue(partial, out var bound) || TypeWidth.Of(unit, typeStart, typeEnd) is not { } bits) continue;
            int needed = (int)Math.Ceiling(Math.Log2(bound.Bound + 1)) + 1;
            var typeName = unit.Tokens.Skip(typeStart).Take(typeEnd - typeStart).Select(x => x.Text)
                .FirstOrDefault(x => x is not ("static" or "const" or "volatile" or "constexpr" or "::")) ?? name;
            if (where.StartsWith("typedef ", StringComparison.Ordinal)) typeName = name;
            if (bits <= needed || !seen.Add((partial, typeName))) continue;
            var what = partial ? "partial sum" : "accumulator";
            yield return new LintFinding(rule,
                string.Create(CultureInfo.InvariantCulture, $"{(where.StartsWith("typedef ", StringComparison.Ordinal) ? $"{what} type {name}" : $"{what} {name} ({typeName})")} is {bits} bits; {bound.How} = {bound.Bound:N0} needs {needed} (docs/numerics.md §3)"),
                "", where, at.Location, null,
                $"declare the {what} ap_int<{needed}> (derive the width from the configuration), and give sums that add the bias or other terms their own type");
        }
    }

    /// <summary>true: a partial sum, false: an accumulator, null: neither.</summary>
    private static bool? Role(string name, bool typedefName)
    {
        var match = (typedefName ? TypedefRole() : VariableRole()).Match(name);
        return match.Success ? match.Groups["psum"].Success : null;
    }

    [GeneratedRegex("^(?:(?<psum>psum|partial_sum)|acc|accum|accumulator)_t$")]
    private static partial Regex TypedefRole();

    [GeneratedRegex("^(?:(?<psum>psum|psums|partial_sum|partial_sums)|acc|accum|accumulator)$")]
    private static partial Regex VariableRole();
}
