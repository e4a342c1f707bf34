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
    /// <param name="aliases">Function symbol → the function whose section holds it (<see cref="SymbolTable"/>); aliases
    /// such as the C1 constructor are merged into that function.</param>
    public static KernelObject Combine(IReadOnlyList<SymbolReference> relocations, CallGraphInfo callGraph,
        IReadOnlyDictionary<string, string> aliases, IReadOnlyDictionary<string, string> demangled)
    {
        ArgumentNullException.ThrowIfNull(relocations);
        ArgumentNullException.ThrowIfNull(callGraph);
        ArgumentNullException.ThrowIfNull(aliases);
        string Canonical(string name) => aliases.GetValueOrDefault(name, name);
        var defined = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (function, location) in callGraph.Defined)
        {
            var canonical = Canonical(function);
            if (defined.GetValueOrDefault(canonical) is null) defined[canonical] = location;
        }
        foreach (var function in aliases.Values.Concat(relocations.Select(r => Canonical(r.From)))) defined.TryAdd(function, null);
        var sites = new Dictionary<(string, string), string?>();
        foreach (var call in callGraph.Calls) sites.TryAdd((Canonical(call.From), Canonical(call.To)), call.Location);
        var references = new List<SymbolReference>();
        var seen = new HashSet<(string, string)>();
        foreach (var reference in callGraph.Calls.Concat(relocations))
        {
            var key = (Canonical(reference.From), Canonical(reference.To));
            if (seen.Add(key)) references.Add(new SymbolReference(key.Item1, key.Item2, sites.GetValueOrDefault(key)));
        }
        return new KernelObject(defined, references, demangled);
    }

    /// <summary>Every mangled name the object mentions (for demangling).</summary>
    public static IEnumerable<string> Names(IReadOnlyList<SymbolReference> relocations, CallGraphInfo callGraph, IReadOnlyDictionary<string, string> aliases)
    {
        ArgumentNullException.ThrowIfNull(relocations);
        ArgumentNullException.ThrowIfNull(callGraph);
        ArgumentNullException.ThrowIfNull(aliases);
        return relocations.Concat(callGraph.Calls).SelectMany(r => new[] { r.From, r.To }).Concat(callGraph.Defined.Keys).Concat(aliases.Values)
            .Distinct(StringComparer.Ordinal);
    }
}
