using System.Runtime.Intrinsics.X86;
using Quasar.HwGen.Core.Numerics;

namespace Quasar.HwGen.Tests.Numerics;

/// <summary>Every GEMM path equals <see cref="GemmReference"/> bit for bit, whatever the shape and the values.</summary>
[TestFixture]
public sealed class GemmEngineTests
{
    private static readonly GemmPath[] ConcretePaths = [GemmPath.Scalar, GemmPath.Avx2, GemmPath.Avx512, GemmPath.AvxVnni];

    private static IEnumerable<GemmPath> Paths() => ConcretePaths;

    [TestCaseSource(nameof(Paths))]
    public void A_path_equals_the_reference_bit_for_bit_on_thousands_of_random_problems(GemmPath path)
    {
        Assume.That(GemmEngine.IsSupported(path), $"this CPU cannot run the {path} path");
        Assert.That(GemmEngine.Resolve(path), Is.EqualTo(path), "a supported path runs itself, never a fallback");

        int problems = 0, parallel = 0;
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (problem, expected) in GemmCases.WithReference)
        {
            var packed = PackedWeights.Pack(problem.W, problem.N, problem.K);
            var actual = new int[problem.M * problem.N];
            GemmEngine.Multiply(problem.X, problem.M, packed, actual, path);
            if (!actual.AsSpan().SequenceEqual(expected))
            {
                int i = actual.AsSpan().CommonPrefixLength(expected);
                Assert.Fail($"{path}, {problem}: acc[{i / problem.N}, {i % problem.N}] = {actual[i]}, reference {expected[i]}");
            }
            problems++;
            if (problem.Macs >= GemmEngine.ParallelThreshold) parallel++;
            kinds.Add(problem.Kind);
        }

        Assert.That(problems, Is.GreaterThanOrEqualTo(2000));
        Assert.That(parallel, Is.GreaterThan(0), "some problems are large enough to run on several threads");
        Assert.That(kinds.Any(kind => kind.EndsWith("mixed-constant", StringComparison.Ordinal)), Is.True,
            "the worst case of the int16 intermediate is covered");
    }

    [TestCaseSource(nameof(Paths))]
    public void The_worst_case_for_the_int16_intermediate_neither_saturates_nor_wraps(GemmPath path)
    {
        Assume.That(GemmEngine.IsSupported(path), $"this CPU cannot run the {path} path");
        // x = 31 (63 once offset) against w = −128 gives 4·63·(−128) = −32256 in one int16 lane; x = 31, w = 127 gives 32004.
        foreach (sbyte weight in new sbyte[] { -128, 127 })
        {
            const int m = 5, n = 33, k = 67;
            var x = Enumerable.Repeat((sbyte)31, m * k).ToArray();
            var w = Enumerable.Repeat(weight, n * k).ToArray();

            var acc = GemmEngine.Multiply(x, m, PackedWeights.Pack(w, n, k), path);

            Assert.That(acc, Is.All.EqualTo(31 * weight * k), $"w = {weight}");
        }
    }

    [TestCaseSource(nameof(Paths))]
    public void Running_on_several_threads_gives_the_same_result_as_one(GemmPath path)
    {
        Assume.That(GemmEngine.IsSupported(path), $"this CPU cannot run the {path} path");
        var problem = GemmCases.Create(new Random(7), 0, "parallel", 197, 100, 200);
        Assert.That(problem.Macs, Is.GreaterThanOrEqualTo(GemmEngine.ParallelThreshold));
        var packed = PackedWeights.Pack(problem.W, problem.N, problem.K);
        var serial = new int[problem.M * problem.N];
        var parallel = new int[problem.M * problem.N];

        GemmEngine.Multiply(problem.X, problem.M, packed, serial, path, allowParallel: false);
        GemmEngine.Multiply(problem.X, problem.M, packed, parallel, path, allowParallel: true);

        Assert.That(parallel, Is.EqualTo(serial));
        Assert.That(serial, Is.EqualTo(GemmReference.Multiply(problem.X, problem.M, problem.W, problem.N, problem.K, problem.Is8)));
    }

    [TestCaseSource(nameof(Paths))]
    public void An_activation_outside_6_bits_is_refused_with_its_position(GemmPath path)
    {
        Assume.That(GemmEngine.IsSupported(path), $"this CPU cannot run the {path} path");
        const int m = 3, n = 4, k = 70;
        var packed = PackedWeights.Pack(new sbyte[n * k], n, k);
        // Column 5 is inside the first 32-byte vector, column 69 in the scalar tail.
        foreach (var (row, column, value) in new[] { (1, 5, (sbyte)32), (2, 69, (sbyte)-33), (0, 40, sbyte.MinValue) })
        {
            var x = new sbyte[m * k];
            x[row * k + column] = value;

            var error = Assert.Throws<ArgumentOutOfRangeException>(() => GemmEngine.Multiply(x, m, packed, path))!;

            Assert.That(error.Message, Does.Contain($"activation [{row}, {column}]").And.Contain("6-bit"));
        }
    }

    [TestCaseSource(nameof(Paths))]
    public void Empty_dimensions_give_empty_or_zero_results(GemmPath path)
    {
        Assume.That(GemmEngine.IsSupported(path), $"this CPU cannot run the {path} path");

        Assert.That(GemmEngine.Multiply([], 0, PackedWeights.Pack(new sbyte[12], 3, 4), path), Is.Empty);
        Assert.That(GemmEngine.Multiply(new sbyte[8], 2, PackedWeights.Pack([], 0, 4), path), Is.Empty);
        Assert.That(GemmEngine.Multiply([], 2, PackedWeights.Pack([], 3, 0), path), Is.EqualTo(new int[6]));
    }

    [Test]
    public void Auto_runs_the_best_path_this_cpu_supports()
    {
        var expected = AvxVnni.IsSupported ? GemmPath.AvxVnni
            : Avx512BW.IsSupported ? GemmPath.Avx512
            : Avx2.IsSupported ? GemmPath.Avx2
            : GemmPath.Scalar;

        Assert.That(GemmEngine.Resolve(GemmPath.Auto), Is.EqualTo(expected));
        Assert.That(GemmEngine.BestPath, Is.EqualTo(expected));
    }

    [Test]
    public void An_x64_cpu_with_avx2_runs_the_avx2_path_so_the_vector_kernel_is_tested_here()
    {
        Assume.That(Avx2.IsSupported, "not an AVX2 machine");

        Assert.That(GemmEngine.IsSupported(GemmPath.Avx2), Is.True);
        Assert.That(GemmEngine.BestPath, Is.Not.EqualTo(GemmPath.Scalar));
    }

    [Test]
    public void Asking_for_a_path_the_cpu_lacks_fails_instead_of_falling_back()
    {
        var missing = ConcretePaths.Where(p => !GemmEngine.IsSupported(p)).ToList();
        Assume.That(missing, Is.Not.Empty, "this CPU supports every path");

        foreach (var path in missing)
        {
            var error = Assert.Throws<PlatformNotSupportedException>(() => GemmEngine.Resolve(path))!;
            Assert.That(error.Message, Does.Contain(path.ToString()));
        }
    }

    [Test]
    public void Mismatched_lengths_are_refused()
    {
        var packed = PackedWeights.Pack(new sbyte[12], 3, 4);

        Assert.Throws<ArgumentException>(() => GemmEngine.Multiply(new sbyte[7], 2, packed));
        Assert.Throws<ArgumentException>(() => GemmEngine.Multiply(new sbyte[8], 2, packed, new int[5]));
    }
}
