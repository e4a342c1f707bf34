namespace Quasar.HwGen.Vitis.Lint.Performance;

/// <summary>QLINT103: a loop whose bound depends on run-time values and that has no LOOP_TRIPCOUNT pragma.</summary>
internal static class TripCountCheck
{
    public static IEnumerable<LintFinding> Run(KernelSource kernel, LintRule rule)
    {
        var unit = kernel.Unit;
        foreach (var function in kernel.Reachable)
        {
            foreach (var loop in KernelSource.Loops(function.Body))
            {
                if (loop.Pragmas(unit.Tokens).Any(p => p.Directive == "LOOP_TRIPCOUNT")) continue;
                var runtime = unit.RuntimeNames(loop.HeaderStart, loop.HeaderEnd, kernel.LoopVariables(loop));
                if (runtime.Count == 0) continue;
                var header = unit.Text(loop.HeaderStart, loop.HeaderEnd);
                yield return new LintFinding(rule, $"{kernel.Describe(loop)} ({loop.Keyword} ({header})) has a bound that depends on {string.Join(", ", runtime)} and no trip count",
                    "", function.Name, unit.Tokens[loop.Start].Location, null,
                    "add #pragma HLS LOOP_TRIPCOUNT min=.. max=.. (the largest count the configuration allows) in the loop body, or bound the loop by a constant");
            }
        }
    }
}
