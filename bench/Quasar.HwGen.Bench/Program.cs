using Quasar.HwGen.Bench;

// Usage: dotnet run -c Release --project bench/Quasar.HwGen.Bench -- <benchmark> [options]
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["gemm"] = GemmBenchmark.Run,
    ["model"] = ModelBenchmark.Run,
    ["float"] = FloatModelBenchmark.Run,
    ["hardware"] = HardwareBenchmark.Run,
    ["host"] = HostOpsBenchmark.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Quasar.HwGen.Bench <{string.Join("|", benchmarks.Keys)}> [options]");
    return 2;
}
return run(args[1..]);
