namespace Quasar.HwGen.Vitis.Lint;

/// <summary>What the lint knows about a compiled kernel object: its functions, every symbol they reference, demangled names.</summary>
/// <param name="Defined">Functions defined in the object (mangled) and their file:line:col when known.</param>
/// <param name="References">Calls and address references from defined functions, with the call site when known.</param>
/// <param name="Demangled">Demangled names; a name missing here is shown as it is.</param>
public sealed record KernelObject(
    IReadOnlyDictionary<string, string?> Defined,
    IReadOnlyList<SymbolReference> References,
    IReadOnlyDictionary<string, string> Demangled)
{
    public string Demangle(string mangled) => Demangled.GetValueOrDefault(mangled, mangled);

    /// <summary>
    /// Joins the relocations (every referenced symbol, data included) and g++'s call graph (defined functions with
    /// locations, call sites, calls that need no relocation); call sites are taken from the call graph.
    /// </summary>
    public static KernelObject Combine(IReadOnlyList<SymbolReference> relocations, CallGraphInfo callGraph, IReadOnlyDictionary<string, string> demangled)
    {
        ArgumentNullException.ThrowIfNull(relocations);
        ArgumentNullException.ThrowIfNull(callGraph);
        var defined = new Dictionary<string, string?>(callGraph.Defined, StringComparer.Ordinal);
        foreach (var reference in relocations) defined.TryAdd(reference.From, null);
        var sites = new Dictionary<(string, string), string?>();
        foreach (var call in callGraph.Calls) sites.TryAdd((call.From, call.To), call.Location);
        var references = new List<SymbolReference>();
        var seen = new HashSet<(string, string)>();
        foreach (var reference in callGraph.Calls.Concat(relocations))
        {
            if (seen.Add((reference.From, reference.To)))
                references.Add(reference with { Location = sites.GetValueOrDefault((reference.From, reference.To)) });
        }
        return new KernelObject(defined, references, demangled);
    }

    /// <summary>Every mangled name the object mentions (for demangling).</summary>
    public static IEnumerable<string> Names(IReadOnlyList<SymbolReference> relocations, CallGraphInfo callGraph)
    {
        ArgumentNullException.ThrowIfNull(relocations);
        ArgumentNullException.ThrowIfNull(callGraph);
        return relocations.Concat(callGraph.Calls).SelectMany(r => new[] { r.From, r.To }).Concat(callGraph.Defined.Keys).Distinct(StringComparer.Ordinal);
    }
}
