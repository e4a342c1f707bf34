using Quasar.HwGen.Vitis.Lint;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Tests.Vitis;

/// <summary>The performance rules (QLINT101-106) on small kernels compiled for real, each with one planted violation and
/// a clean variant; the lint runs with the rules as errors (the default, <see cref="LintOptions.Default"/>).</summary>
[TestFixture]
[Category("NeedsGpp")]
public sealed class PerformanceLintTests
{
    private const string Prelude = """
        template <int W> struct ap_uint { unsigned long long words[(W + 63) / 64]; };
        template <int W> struct ap_int { long long words[(W + 63) / 64]; };
        """;

    private TemporaryDirectory _directory = null!;
    private SynthesizabilityLint _lint = null!;

    [SetUp]
    public async Task Create()
    {
        _directory = new TemporaryDirectory();
        _lint = new SynthesizabilityLint(await ToolDiscovery.DiscoverAsync(), LintOptions.Default);
    }

    [TearDown]
    public void Delete() => _directory.Dispose();

    private async Task<IReadOnlyList<LintFinding>> Findings(string code, string kernel)
    {
        var root = HandWrittenProject.Write(_directory.File("prj" + Guid.NewGuid().ToString("N")[..6]), Prelude + kernel);
        var report = await _lint.RunAsync(HlsProject.Open(root));
        return report.Findings.Where(f => f.Rule.Code == code).ToList();
    }

    private static string Top(string ports, string pragmas, string body) =>
        $"extern \"C\" int quasar_gemm({ports}) {{\n{pragmas}\n{body}\n    return 0;\n}}\n";

    private const string Maxi = "#pragma HLS INTERFACE m_axi port=a offset=slave bundle=gmem0\n#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1";

    [Test]
    public async Task An_8_bit_m_axi_port_is_narrow_and_a_128_bit_one_is_not()
    {
        var narrow = await Findings("QLINT101", Top("const signed char* a, int* out, int n", Maxi, "    out[0] = a[0];"));
        var wide = await Findings("QLINT101", Top("const ap_uint<128>* a, ap_uint<128>* out, int n", Maxi, "    out[0] = a[0];"));

        Assert.That(narrow.Select(f => f.Symbol), Is.EqualTo(new[] { "m_axi port a (const signed char *) is 8 bits wide", "m_axi port out (int *) is 32 bits wide" }));
        Assert.That(narrow[0].Rule.Severity, Is.EqualTo(LintSeverity.Error));
        Assert.That(narrow[0].Location, Is.EqualTo("src/quasar_gemm.cpp:2"));
        Assert.That(narrow[0].ToString(), Does.StartWith("QLINT101 error narrow-m_axi: m_axi port a").And.Contains("fix: make the port ap_uint<128>*"));
        Assert.That(wide, Is.Empty);
    }

    private static string Loop(string statement) =>
        "    for (int i = 0; i < 16; i++) {\n#pragma HLS PIPELINE II = 1\n        " + statement + "\n    }";

    [TestCase("out[i] = i < n ? a[i] : 0;", "conditional read of a[i] in pipelined for loop (in a branch of ?:)")]
    [TestCase("if (i < n) out[i] = a[i];", "conditional write of out[i] in pipelined for loop (under an if/else)")]
    [TestCase("out[i] = a[i * n];", "runtime-strided read of a[i * n] in pipelined for loop (i × n)")]
    public async Task A_conditional_or_strided_access_in_a_pipelined_loop_breaks_bursts(string statement, string expected)
    {
        var findings = await Findings("QLINT102", Top("const int* a, int* out, int n", Maxi, Loop(statement)));

        Assert.That(findings.Select(f => f.Symbol), Does.Contain(expected));
        Assert.That(findings[0].Location, Does.StartWith("src/quasar_gemm.cpp:"));
    }

    [TestCase("out[i] = a[i];")]
    [TestCase("out[i] = a[4 * i + 1];")]
    [TestCase("int v = a[i]; out[i] = i < n ? v : 0;")]
    public async Task Unconditional_sequential_or_constant_stride_accesses_are_bursts(string statement)
    {
        Assert.That(await Findings("QLINT102", Top("const int* a, int* out, int n", Maxi, Loop(statement))), Is.Empty);
    }

    [Test]
    public async Task A_runtime_bound_needs_a_trip_count_and_a_constant_bound_does_not()
    {
        var missing = await Findings("QLINT103", Top("const int* a, int* out, int n", Maxi, "LOOP_N:\n    for (int i = 0; i < n; i++) out[i] = a[i];"));
        var counted = await Findings("QLINT103", Top("const int* a, int* out, int n", Maxi,
            "    for (int i = 0; i < n; i++) {\n#pragma HLS LOOP_TRIPCOUNT max = 64\n        out[i] = a[i];\n    }"));
        var constant = await Findings("QLINT103", Top("const int* a, int* out, int n", Maxi, "    for (int i = 0; i < N_MAX; i += STEP) out[i] = a[i];")
            .Replace("extern", "constexpr int N_MAX = 64;\nenum { STEP = 2 };\nextern", StringComparison.Ordinal));

        Assert.That(missing.Single().Symbol, Does.StartWith("loop LOOP_N (for (int i = 0 ; i < n ; i ++)) has a bound that depends on n"));
        Assert.That(missing.Single().Location, Is.EqualTo("src/quasar_gemm.cpp:6"));
        Assert.That(counted, Is.Empty);
        Assert.That(constant, Is.Empty);
    }

    private const string Block = "static void block(const int* a, int* out) {\n#pragma HLS INLINE off\n    out[0] = a[0];\n}\n";

    [Test]
    public async Task An_inline_off_block_called_twice_is_two_instances_and_once_is_fine()
    {
        var twice = await Findings("QLINT104", Block + Top("const int* a, int* out, int n", Maxi, "    if (n) block(a, out); else block(a, out + 1);"));
        var once = await Findings("QLINT104", Block + Top("const int* a, int* out, int n", Maxi, "    block(a, out + (n ? 0 : 1));"));
        var limited = await Findings("QLINT104", Block + Top("const int* a, int* out, int n", Maxi + "\n#pragma HLS ALLOCATION function instances=block limit=1",
            "    if (n) block(a, out); else block(a, out + 1);"));

        Assert.That(twice.Single().Symbol, Does.StartWith("hardware block block is called from 2 call sites"));
        Assert.That(once, Is.Empty);
        Assert.That(limited, Is.Empty);
    }

    private const string Stages = """
        static void produce(const int* a, int buf[8]) { for (int i = 0; i < 8; i++) buf[i] = a[i]; }
        static void consume(const int buf[8], int* out) { for (int i = 0; i < 8; i++) out[i] = buf[i]; }
        static void twice(const int buf[8], int* out) { for (int i = 0; i < 8; i++) out[i + 8] = buf[i]; }

        """;

    [TestCase("    int buf[8];\n    produce(a, buf);\n    consume(buf, out);", null)]
    [TestCase("    int buf[8];\n    produce(a, buf);\n    if (n) consume(buf, out);", "DATAFLOW region holds a conditional")]
    [TestCase("    int buf[8];\n    produce(a, buf);\n    for (int r = 0; r < 2; r++) consume(buf, out);", "DATAFLOW region holds a for loop")]
    [TestCase("    int buf[8];\n    produce(a, buf);\n    consume(buf, out);\n    twice(buf, out);", "the output buf of produce is read by 2 processes (consume, twice)")]
    [TestCase("    int buf[8];\n    produce(a, buf);\n    produce(a + 8, buf);\n    consume(buf, out);", "buf is written by 2 processes (produce, produce)")]
    public async Task A_dataflow_region_must_hold_only_declarations_and_single_producer_single_consumer_calls(string body, string? expected)
    {
        var region = "static void region(const int* a, int* out, int n) {\n#pragma HLS DATAFLOW\n" + body + "\n}\n";
        var findings = await Findings("QLINT105", Stages + region + Top("const int* a, int* out, int n", Maxi, "    region(a, out, n);"));

        Assert.That(findings.Select(f => f.Symbol), expected is null ? Is.Empty : Does.Contain(expected));
    }

    private const string Config = "constexpr int MAX_REDUCTION = 8;\nconstexpr int TILE_REDUCTION = 4;\n";

    [TestCase(32, 20, "accumulator type acc_t is 32 bits; |acc| ≤ MAX_REDUCTION 8 × 32 × 128 = 32,768 needs 17 (docs/numerics.md §3)")]
    [TestCase(17, 32, "partial sum type psum_t is 32 bits; |psum| ≤ TILE_REDUCTION 4 × 32 × 15 = 1,920 needs 12 (docs/numerics.md §3)")]
    [TestCase(17, 12, null)]
    public async Task An_accumulator_wider_than_the_numerics_bound_is_flagged(int accBits, int psumBits, string? expected)
    {
        var types = Config + $"typedef ap_int<{accBits}> acc_t;\ntypedef ap_int<{psumBits}> psum_t;\n";
        var findings = await Findings("QLINT106", types + Top("const int* a, int* out, int n", Maxi, "    acc_t acc[2];\n    psum_t psum[2];\n    out[0] = sizeof(acc) + sizeof(psum);"));

        Assert.That(findings.Select(f => f.Symbol), expected is null ? Is.Empty : Does.Contain(expected));
    }

    [Test]
    public async Task By_default_the_performance_rules_are_errors_and_lenient_makes_them_warnings()
    {
        var root = HandWrittenProject.Write(_directory.File("warn"), Prelude + Top("const signed char* a, int* out, int n", Maxi, "    out[0] = a[0];"));
        var tools = await ToolDiscovery.DiscoverAsync();
        var strict = await new SynthesizabilityLint(tools, LintOptions.Default).RunAsync(HlsProject.Open(root));
        var lenient = await new SynthesizabilityLint(tools, LintOptions.Lenient).RunAsync(HlsProject.Open(root));

        Assert.That(strict.Passed, Is.False);
        Assert.That(strict.Errors.Select(f => f.Rule.Code), Does.Contain("QLINT101"));
        Assert.That(lenient.Passed, Is.True);
        Assert.That(lenient.Warnings.Select(f => f.Rule.Code), Does.Contain("QLINT101"));
    }
}
