using System.Text.RegularExpressions;

namespace Quasar.HwGen.Vitis.Lint;

/// <summary>
/// Applies the rules to a kernel object. Findings are charged to kernel-side functions: a forbidden symbol referenced
/// inside the C++ library (std::, __gnu_cxx::) is reported at the kernel function that calls into the library, naming
/// the library entry point; code under a trusted prefix (the hls:: simulation models, whose std::deque is not what
/// Vitis synthesizes) and compiler-generated static initialisers (the iostream Init object) are not examined.
/// </summary>
public sealed partial class LintAnalyzer(IReadOnlyList<Regex> trusted)
{
    /// <summary>hls::stream and friends are simulation models of hardware primitives.</summary>
    public static IReadOnlyList<Regex> DefaultTrusted { get; } = [TrustedHls()];

    public static LintAnalyzer Default { get; } = new(DefaultTrusted);

    public IReadOnlyList<LintFinding> Analyze(KernelObject kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var outgoing = kernel.References.GroupBy(r => r.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var findings = new List<LintFinding>();
        var seen = new HashSet<(string, string, string, string?)>();
        var reachedFromLibrary = new Dictionary<string, IReadOnlyList<(LintRule Rule, string Symbol)>>(StringComparer.Ordinal);

        foreach (var function in kernel.Defined.Keys.Where(IsKernelSide).Order(StringComparer.Ordinal))
        {
            foreach (var reference in outgoing.GetValueOrDefault(function, []))
            {
                if (IsTrusted(reference.To)) continue;
                if (Match(kernel, reference.To) is { } rule)
                {
                    Add(rule, reference.To, function, reference.Location, via: null);
                }
                else if (kernel.Defined.ContainsKey(reference.To) && IsLibrary(reference.To))
                {
                    if (!reachedFromLibrary.TryGetValue(reference.To, out var reached))
                        reachedFromLibrary[reference.To] = reached = Reach(kernel, outgoing, reference.To);
                    foreach (var (libraryRule, symbol) in reached) Add(libraryRule, symbol, function, reference.Location, reference.To);
                }
            }
        }
        findings.AddRange(RecursionFinder.Find(kernel, outgoing, IsKernelSide));
        return findings.OrderByDescending(f => f.Rule.Severity).ThenBy(f => f.Rule.Code, StringComparer.Ordinal).ToArray();

        void Add(LintRule rule, string symbol, string function, string? location, string? via)
        {
            if (seen.Add((rule.Code, symbol, function, via)))
            {
                findings.Add(new LintFinding(rule, kernel.Demangle(symbol), symbol, kernel.Demangle(function), location ?? kernel.Defined.GetValueOrDefault(function),
                    via is null ? null : kernel.Demangle(via)));
            }
        }
    }

    /// <summary>Rule-breaking symbols reachable from a library function through library functions defined in the object.</summary>
    private List<(LintRule, string)> Reach(KernelObject kernel, Dictionary<string, SymbolReference[]> outgoing, string start)
    {
        var found = new List<(LintRule, string)>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { start };
        var pending = new Queue<string>([start]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var reference in outgoing.GetValueOrDefault(current, []))
            {
                if (IsTrusted(reference.To)) continue;
                if (Match(kernel, reference.To) is { } rule)
                {
                    if (!found.Contains((rule, reference.To))) found.Add((rule, reference.To));
                }
                else if (kernel.Defined.ContainsKey(reference.To) && IsLibrary(reference.To) && visited.Add(reference.To))
                {
                    pending.Enqueue(reference.To);
                }
            }
        }
        return found;
    }

    private static LintRule? Match(KernelObject kernel, string symbol)
    {
        var demangled = kernel.Demangle(symbol);
        return LintRules.SymbolRules.FirstOrDefault(rule => rule.Matches(symbol, demangled));
    }

    /// <summary>Code the kernel's author wrote or instantiated: neither the C++ library, nor trusted, nor compiler-generated.</summary>
    private bool IsKernelSide(string mangled) => !IsLibrary(mangled) && !IsTrusted(mangled) && !IsCompilerGenerated(mangled);

    private bool IsTrusted(string mangled) => trusted.Any(pattern => pattern.IsMatch(mangled));

    /// <summary>std:: (St and the abbreviations Sa Sb Ss Si So Sd), __gnu_cxx::, __cxxabiv1:: — by the mangled prefix,
    /// since a demangled template function starts with its return type.</summary>
    public static bool IsLibrary(string mangled) => LibraryPrefix().IsMatch(mangled);

    private static bool IsCompilerGenerated(string mangled) =>
        mangled.StartsWith("_GLOBAL__", StringComparison.Ordinal) || mangled.Contains("__static_initialization_and_destruction", StringComparison.Ordinal)
        || mangled.StartsWith("__cxx_global_var_init", StringComparison.Ordinal) || mangled.StartsWith("DW.ref.", StringComparison.Ordinal);

    [GeneratedRegex(@"^_ZN?[rVKRO]*(S[tabsiod]|9__gnu_cxx|10__cxxabiv1)")]
    private static partial Regex LibraryPrefix();

    [GeneratedRegex(@"^_ZN?[rVKRO]*3hls")]
    private static partial Regex TrustedHls();
}
