using Quasar.HwGen.Vitis.Lint;
using Quasar.HwGen.Vitis.Projects;
using Quasar.HwGen.Vitis.Tools;

namespace Quasar.HwGen.Tests.Vitis;

/// <summary>The lint on kernels compiled for real, each with one planted construct Vitis HLS cannot synthesize.</summary>
[TestFixture]
[Category("NeedsGpp")]
public sealed class SynthesizabilityLintTests
{
    private const string Signature = "extern \"C\" int quasar_gemm(const signed char* a, const signed char* b, int* out, int n)";
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

    private Task<LintReport> Lint(string kernel, params (string Name, string Text)[] headers)
    {
        var root = HandWrittenProject.Write(_directory.File("prj"), kernel);
        foreach (var (name, text) in headers) File.WriteAllText(Path.Combine(root, "include", name), text);
        return _lint.RunAsync(HlsProject.Open(root));
    }

    private static string Kernel(string prelude, string body) =>
        prelude + "\n" + Signature + " {\n" + body + "\n    return 0;\n}\n";

    [Test]
    public async Task A_clean_kernel_passes_without_findings()
    {
        var report = await Lint(HandWrittenProject.CorrectKernel);

        Assert.That(report.Findings, Is.Empty, report.Format());
        Assert.That(report.Passed, Is.True);
        Assert.That(report.Format(), Does.StartWith("lint src/quasar_gemm.cpp: passed, 0 error(s), 0 warning(s)"));
    }

    [Test]
    public async Task A_planted_new_is_caught_and_named_with_its_function_and_line()
    {
        var report = await Lint(Kernel("", "    int* scratch = new int[n];\n    scratch[0] = a[0];\n    *out = scratch[0];\n    delete[] scratch;"));

        Assert.That(report.Passed, Is.False);
        var heap = report.Errors.Where(f => f.Rule == LintRules.Heap).ToList();
        Assert.That(heap.Select(f => f.Symbol), Does.Contain("operator new[](unsigned long)").And.Contain("operator delete[](void*)"));
        Assert.That(heap.Select(f => f.Function), Is.All.EqualTo("quasar_gemm"));
        Assert.That(heap.Single(f => f.Symbol == "operator new[](unsigned long)").Location, Does.StartWith("src/quasar_gemm.cpp:3:"));
        Assert.That(heap[0].ToString(), Does.StartWith("QLINT001 error heap: "));
    }

    [Test]
    public async Task Malloc_in_a_helper_is_charged_to_the_helper()
    {
        var report = await Lint(Kernel("#include <cstdlib>\nstatic int* buffer(int n) { return (int*)std::malloc(n * sizeof(int)); }",
            "    int* p = buffer(n);\n    *out = p != 0;\n    std::free(p);"));

        Assert.That(report.Errors.Select(f => (f.Symbol, f.Function)), Is.EquivalentTo(new[] { ("malloc", "buffer(int)"), ("free", "quasar_gemm") }));
    }

    [Test]
    public async Task A_planted_printf_is_caught_and_named()
    {
        var report = await Lint(Kernel("#include <cstdio>", "    std::printf(\"n=%d\\n\", n);\n    *out = a[0] * b[0];"));

        Assert.That(report.Errors.Select(f => (f.Rule, f.Symbol, f.Function)), Is.EqualTo(new[] { (LintRules.Stdio, "printf", "quasar_gemm") }));
    }

    [Test]
    public async Task Std_cout_is_caught_but_an_unused_iostream_include_is_not()
    {
        var unused = await Lint(Kernel("#include <iostream>", "    *out = a[0] * b[0];"));
        var used = await Lint(Kernel("#include <iostream>", "    std::cout << n;\n    *out = a[0] * b[0];"));

        Assert.That(unused.Findings, Is.Empty, unused.Format());
        Assert.That(used.Errors.Where(f => f.Rule == LintRules.Stdio).Select(f => f.Symbol),
            Does.Contain("std::cout").And.Contain("std::basic_ostream<char, std::char_traits<char> >::operator<<(int)"));
    }

    [Test]
    public async Task A_planted_throw_is_caught_and_named()
    {
        var report = await Lint(Kernel("", "    if (n > 8) throw n;\n    *out = a[0] * b[0];"));

        var exceptions = report.Errors.Where(f => f.Rule == LintRules.Exceptions).Select(f => f.Symbol);
        Assert.That(exceptions, Does.Contain("__cxa_throw").And.Contain("__cxa_allocate_exception"));
    }

    [Test]
    public async Task A_catch_is_caught()
    {
        var report = await Lint(Kernel("int risky(int);", "    try { *out = risky(n); } catch (...) { *out = 0; }"));

        Assert.That(report.Errors.Where(f => f.Rule == LintRules.Exceptions).Select(f => f.Symbol), Does.Contain("__cxa_begin_catch"));
    }

    [Test]
    public async Task Typeid_and_dynamic_cast_are_caught_as_rtti()
    {
        var report = await Lint(Kernel(
            "#include <typeinfo>\nstruct Base { virtual int f() const { return 1; } };\nstruct Derived : Base { int f() const { return 2; } };",
            "    Derived d;\n    Base* p = &d;\n    *out = dynamic_cast<Derived*>(p) != 0;\n    *out += typeid(*out) == typeid(int);"));

        var rtti = report.Errors.Where(f => f.Rule == LintRules.Rtti).Select(f => f.Symbol).ToList();
        Assert.That(rtti, Does.Contain("__dynamic_cast").And.Contain("typeinfo for int").And.Contain("typeinfo for Derived"));
    }

    [Test]
    public async Task A_self_recursive_static_function_is_caught_although_it_needs_no_relocation()
    {
        var report = await Lint(Kernel("static int depth(int n) { return n <= 0 ? 0 : 1 + depth(n - 1); }", "    *out = depth(n);"));

        var recursion = report.Errors.Single(f => f.Rule == LintRules.Recursion);
        Assert.That(recursion.Symbol, Is.EqualTo("depth(int) calls itself"));
        Assert.That(recursion.Function, Is.EqualTo("depth(int)"));
        Assert.That(recursion.Location, Is.EqualTo("src/quasar_gemm.cpp:1:12"));
    }

    [Test]
    public async Task Mutual_recursion_is_caught_naming_every_function_of_the_cycle()
    {
        var report = await Lint(Kernel("int odd(int n);\nint even(int n) { return n == 0 ? 1 : odd(n - 1); }\nint odd(int n) { return n == 0 ? 0 : even(n - 1); }",
            "    *out = even(n);"));

        Assert.That(report.Errors.Single(f => f.Rule == LintRules.Recursion).Symbol, Is.EqualTo("mutual recursion of even(int), odd(int)"));
    }

    [Test]
    public async Task A_std_vector_in_the_kernel_is_charged_to_the_kernel_through_the_library_call()
    {
        var report = await Lint(Kernel("#include <vector>", "    std::vector<int> v(n);\n    v[0] = a[0];\n    *out = v[0];"));

        var heap = report.Errors.Where(f => f.Rule == LintRules.Heap).ToList();
        Assert.That(heap, Is.Not.Empty, report.Format());
        Assert.That(heap.Select(f => f.Function), Is.All.EqualTo("quasar_gemm"));
        Assert.That(heap.Select(f => f.Via), Has.Some.StartsWith("std::vector<int, std::allocator<int> >::"));
        Assert.That(heap.Select(f => f.Symbol), Does.Contain("operator new(unsigned long)"));
    }

    [Test]
    public async Task The_hls_stream_simulation_model_is_trusted_although_it_uses_a_deque()
    {
        const string stream = """
            #pragma once
            #include <deque>
            namespace hls {
            template <typename T> class stream {
            public:
                void write(const T& v) { q_.push_back(v); }
                T read() { T v = q_.front(); q_.pop_front(); return v; }
            private:
                std::deque<T> q_;
            };
            }
            """;
        var report = await Lint(Kernel("#include \"hls_stream.h\"", "    hls::stream<int> s;\n    s.write(a[0] * b[0]);\n    *out = s.read();"),
            ("hls_stream.h", stream));

        Assert.That(report.Errors, Is.Empty, report.Format());
        Assert.That(report.Warnings.Select(f => f.Rule), Is.All.EqualTo(LintRules.ExceptionCleanup));
    }

    [Test]
    public async Task Memcpy_and_memset_which_gpp_emits_for_copies_are_not_findings()
    {
        var report = await Lint(Kernel("#include <cstring>\nstruct Tile { int v[64]; };",
            "    Tile t;\n    std::memset(&t, 0, sizeof t);\n    t.v[0] = a[0];\n    Tile u = t;\n    std::memcpy(out, &u.v[0], sizeof(int));"));

        Assert.That(report.Findings, Is.Empty, report.Format());
    }

    [Test]
    public void A_kernel_that_does_not_compile_is_reported_with_the_diagnostics()
    {
        var error = Assert.ThrowsAsync<Quasar.HwGen.Vitis.Csim.CompilationFailedException>(() => Lint(Kernel("", "    *out = missing;")))!;

        Assert.That(error.Command, Does.Contain("-c src/quasar_gemm.cpp -o build/lint/quasar_gemm.o"));
        Assert.That(error.LogExcerpt, Has.Some.Contains("'missing' was not declared"));
    }
}
