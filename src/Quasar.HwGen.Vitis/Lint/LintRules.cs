using System.Text.RegularExpressions;

namespace Quasar.HwGen.Vitis.Lint;

/// <summary>
/// The rules of the synthesizability lint (docs/vitis.md). Codes are stable: never renumber. Matching is on the symbols
/// a compiled object references, so it sees what the code really uses after templates and overloads are resolved.
/// </summary>
public static partial class LintRules
{
    public static LintRule Heap { get; } = new("QLINT001", "heap", LintSeverity.Error,
        "Vitis HLS cannot synthesize dynamic memory; use fixed-size arrays",
        (mangled, _) => HeapSymbol().IsMatch(mangled) && !PlacementNewOrDelete().IsMatch(mangled));

    public static LintRule Exceptions { get; } = new("QLINT002", "exceptions", LintSeverity.Error,
        "Vitis HLS cannot synthesize throw/catch; report errors through the return status",
        (mangled, demangled) => ExceptionSymbol().IsMatch(mangled) || demangled.StartsWith("std::__throw_", StringComparison.Ordinal)
            || demangled.StartsWith("std::rethrow_exception", StringComparison.Ordinal));

    public static LintRule Rtti { get; } = new("QLINT003", "rtti", LintSeverity.Error,
        "Vitis HLS cannot synthesize typeid or dynamic_cast (run-time type information)",
        (mangled, _) => RttiSymbol().IsMatch(mangled));

    public static LintRule Stdio { get; } = new("QLINT004", "stdio", LintSeverity.Error,
        "the kernel must not do I/O (printf, files, iostreams); print from the testbench",
        (mangled, demangled) => CStdioSymbol().IsMatch(mangled) || IsStreamSymbol(demangled));

    public static LintRule Recursion { get; } = new("QLINT005", "recursion", LintSeverity.Error,
        "Vitis HLS cannot synthesize recursive functions; use loops with a static bound",
        (_, _) => false);

    public static LintRule ExceptionCleanup { get; } = new("QLINT006", "unwind-cleanup", LintSeverity.Warning,
        "exception unwinding code (landing pads) for destructors; HLS ignores it, but it means exceptions are enabled",
        (mangled, _) => mangled is "_Unwind_Resume" or "__gxx_personality_v0" or "_ZSt9terminatev" or "__clang_call_terminate");

    // Performance rules (QLINT1xx), found on the preprocessed source (Performance/): the design would not be the machine
    // the hardware model describes. Their severity is LintOptions.PerformanceSeverity.
    public static LintRule NarrowPort { get; } = new("QLINT101", "narrow-m_axi", LintSeverity.Error,
        "an m_axi port narrower than 128 bits moves less than an HP port's 16 bytes a cycle (Vitis does not widen ap_int ports)", (_, _) => false);

    public static LintRule BurstAccess { get; } = new("QLINT102", "burst-access", LintSeverity.Error,
        "a conditional or runtime-strided m_axi access in a pipelined loop prevents burst inference (UG1448)", (_, _) => false);

    public static LintRule TripCount { get; } = new("QLINT103", "trip-count", LintSeverity.Error,
        "a loop with a runtime bound and no LOOP_TRIPCOUNT makes csynth report latency '?'", (_, _) => false);

    public static LintRule SharedBlock { get; } = new("QLINT104", "call-sites", LintSeverity.Error,
        "a hardware block called from two call sites is built twice (one instance per call site)", (_, _) => false);

    public static LintRule DataflowForm { get; } = new("QLINT105", "dataflow-form", LintSeverity.Error,
        "a DATAFLOW region outside the canonical form runs its processes sequentially (UG1399)", (_, _) => false);

    public static LintRule AccumulatorWidth { get; } = new("QLINT106", "accumulator-width", LintSeverity.Error,
        "an accumulator wider than its bound (docs/numerics.md §3) costs adders and registers for bits that are never used", (_, _) => false);

    public static IReadOnlyList<LintRule> PerformanceRules { get; } = [NarrowPort, BurstAccess, TripCount, SharedBlock, DataflowForm, AccumulatorWidth];

    /// <summary>The rules matched against referenced symbols, in report order (recursion is found on the call graph instead).</summary>
    public static IReadOnlyList<LintRule> SymbolRules { get; } = [Heap, Exceptions, Rtti, Stdio, ExceptionCleanup];

    public static IReadOnlyList<LintRule> All { get; } =
        [Heap, Exceptions, Rtti, Stdio, Recursion, ExceptionCleanup, NarrowPort, BurstAccess, TripCount, SharedBlock, DataflowForm, AccumulatorWidth];

    private static readonly string[] StreamTypes =
    [
        "basic_ostream<", "basic_istream<", "basic_iostream<", "basic_ios<", "basic_streambuf<", "basic_filebuf<",
        "basic_fstream<", "basic_ofstream<", "basic_ifstream<", "basic_stringstream<", "basic_ostringstream<",
        "basic_istringstream<", "basic_stringbuf<", "std::ostream", "std::istream", "std::iostream",
    ];

    private static readonly HashSet<string> StandardStreams = new(StringComparer.Ordinal)
    {
        "std::cout", "std::cerr", "std::clog", "std::cin", "std::wcout", "std::wcerr", "std::wclog", "std::wcin",
    };

    private static bool IsStreamSymbol(string demangled) =>
        StandardStreams.Contains(demangled)
        || (StreamTypes.Any(t => demangled.Contains(t, StringComparison.Ordinal)) && !demangled.Contains("ios_base::Init", StringComparison.Ordinal));

    // operator new/delete in every form (array, nothrow, aligned, sized): _Znw, _Zna, _Zdl, _Zda; and the C allocator.
    [GeneratedRegex(@"^(_Zn[wa]|_Zd[la])|^(malloc|calloc|realloc|reallocarray|free|aligned_alloc|posix_memalign|memalign|valloc|pvalloc|strdup|strndup|__cxa_throw_bad_array_new_length)$")]
    private static partial Regex HeapSymbol();

    // Placement new/delete (operator new(size_t, void*)) construct in place without allocating.
    [GeneratedRegex(@"^(_Zn[wa][jm]Pv|_Zd[la]PvS_)$")]
    private static partial Regex PlacementNewOrDelete();

    [GeneratedRegex(@"^__cxa_(throw|allocate_exception|free_exception|rethrow|begin_catch|end_catch|get_exception_ptr|current_exception_type|call_unexpected)$")]
    private static partial Regex ExceptionSymbol();

    // typeinfo objects and names, type_info members, dynamic_cast and the bad_typeid/bad_cast throwers.
    [GeneratedRegex(@"^(_ZTI|_ZTS|_ZNKSt9type_info)|^(__dynamic_cast|__cxa_bad_typeid|__cxa_bad_cast)$")]
    private static partial Regex RttiSymbol();

    [GeneratedRegex(@"^(__isoc\d+_)?(v?[fsd]?n?printf|v?[fs]?scanf|puts|fputs|putchar|fputc|putc|_IO_putc|fwrite|fread|fopen|fopen64|fdopen|freopen|fclose|fflush|fgets|fgetc|getc|_IO_getc|getchar|gets|ungetc|perror|fseek|fseeko|ftell|ftello|rewind|setvbuf|setbuf|tmpfile|stdin|stdout|stderr|__(v?[fs]?n?printf|fgets)_chk)$")]
    private static partial Regex CStdioSymbol();
}
