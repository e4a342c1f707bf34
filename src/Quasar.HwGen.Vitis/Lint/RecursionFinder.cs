namespace Quasar.HwGen.Vitis.Lint;

/// <summary>Cycles in the call graph of the functions defined in the object (Tarjan's strongly connected components).</summary>
internal static class RecursionFinder
{
    public static IEnumerable<LintFinding> Find(KernelObject kernel, Dictionary<string, SymbolReference[]> outgoing, Func<string, bool> isKernelSide)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();
        int next = 0;

        IEnumerable<string> Callees(string function) =>
            outgoing.GetValueOrDefault(function, []).Select(r => r.To).Where(kernel.Defined.ContainsKey).Distinct(StringComparer.Ordinal);

        void Visit(string function)
        {
            index[function] = low[function] = next++;
            stack.Push(function);
            onStack.Add(function);
            foreach (var callee in Callees(function))
            {
                if (!index.ContainsKey(callee))
                {
                    Visit(callee);
                    low[function] = Math.Min(low[function], low[callee]);
                }
                else if (onStack.Contains(callee))
                {
                    low[function] = Math.Min(low[function], index[callee]);
                }
            }
            if (low[function] != index[function]) return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != function);
            components.Add(component);
        }

        foreach (var function in kernel.Defined.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(function)) Visit(function);
        }

        foreach (var component in components)
        {
            bool cycle = component.Count > 1 || Callees(component[0]).Contains(component[0], StringComparer.Ordinal);
            var kernelSide = component.Where(isKernelSide).OrderBy(kernel.Demangle, StringComparer.Ordinal).ToList();
            if (!cycle || kernelSide.Count == 0) continue;
            var members = component.OrderBy(kernel.Demangle, StringComparer.Ordinal).ToList();
            var description = members.Count == 1 ? $"{kernel.Demangle(members[0])} calls itself"
                : "mutual recursion of " + string.Join(", ", members.Select(kernel.Demangle));
            var first = kernelSide[0];
            yield return new LintFinding(LintRules.Recursion, description, string.Join(' ', members), kernel.Demangle(first),
                kernel.Defined.GetValueOrDefault(first), null);
        }
    }
}
