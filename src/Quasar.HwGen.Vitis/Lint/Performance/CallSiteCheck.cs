namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>QLINT104: a hardware block (INLINE off, or a process of a DATAFLOW region) called from two or more call sites.</summary>
internal static class CallSiteCheck
{
    public static IEnumerable<LintFinding> Run(KernelSource kernel, LintRule rule)
    {
        var unit = kernel.Unit;
        var sites = kernel.Reachable.SelectMany(f => kernel.Calls(f.Body.Start, f.Body.End).Select(c => (Caller: f, Call: c)))
            .GroupBy(s => s.Call.Callee, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var blocks = kernel.Reachable.Where(f => f.Pragmas(unit.Tokens).Any(p => p.Directive == "INLINE" && p.HasWord("off"))).Select(f => f.Name)
            .Concat(DataflowCheck.Regions(kernel).SelectMany(r => DataflowCheck.Processes(kernel, r)).Select(c => c.Callee))
            .Distinct(StringComparer.Ordinal);
        var limited = kernel.Reachable.SelectMany(f => KernelSource.Pragmas(unit, f.Body)).Where(p => p.Directive == "ALLOCATION" && p["limit"] == "1")
            .Select(p => p["instances"] ?? "").Select(n => n.Split('<')[0].Split("::")[^1]).ToHashSet(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            if (!sites.TryGetValue(block, out var calls) || calls.Count < 2 || limited.Contains(block)) continue;
            var where = string.Join(", ", calls.Select(c => unit.Tokens[c.Call.At].Location));
            yield return new LintFinding(rule, $"hardware block {block} is called from {calls.Count} call sites ({where}): HLS builds {calls.Count} instances",
                "", calls[0].Caller.Name, unit.Tokens[calls[1].Call.At].Location, null,
                $"call {block} once (one call site with a buffer index, or a DATAFLOW region with streams/PIPOs between the stages), or add #pragma HLS ALLOCATION function instances={block} limit=1");
        }
    }
}
