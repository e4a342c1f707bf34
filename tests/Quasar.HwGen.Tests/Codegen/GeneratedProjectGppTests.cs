using System.Diagnostics;
using Quasar.HwGen.Codegen.Engine;
using Quasar.HwGen.Codegen.Project;
using Quasar.HwGen.Codegen.Templates;
using Quasar.HwGen.Core.Ir.Package;

namespace Quasar.HwGen.Tests.Codegen;

/// <summary>
/// The generated project's `make csim-gxx` compiles the generated top and testbench with g++ and replays the golden
/// vectors, here against stand-in engine headers (Codegen/StubEngine: the word interface of docs/kernel-layout.md as
/// plain loops and a QGV2 reader written from its §5): the C++ side of the contract agrees with what C# generates.
/// </summary>
[TestFixture]
[Category("NeedsGpp")]
public sealed class GeneratedProjectGppTests
{
    [Test]
    public void Make_csim_gxx_builds_the_generated_project_and_passes_every_golden_call()
    {
        using var directory = new TemporaryDirectory();
        IrPackage.Write(directory.File("package"), CodegenFixtures.SmallGraph);
        var stub = Path.Combine(TestPaths.Root, "tests", "Quasar.HwGen.Tests", "Codegen", "StubEngine");
        var sources = new HlsSources("stand-in engine", HlsSources.FromDirectory(CodegenFixtures.RepositoryTemplates).Templates,
            new Dictionary<string, byte[]>(StringComparer.Ordinal)
            {
                ["gemm_engine.h"] = File.ReadAllBytes(Path.Combine(stub, "gemm_engine.h")),
                ["testbench.h"] = File.ReadAllBytes(Path.Combine(stub, "testbench.h")),
            });
        var project = directory.File("project");
        var result = new ProjectGenerator(sources).Generate(new GenerateRequest(LoadedPackage.Read(directory.File("package")), project,
            CodegenFixtures.Zcu102, CodegenFixtures.FashionMnist, new EngineSizingOptions(), CodegenFixtures.GoldenImages(1)));

        var (exitCode, output) = Run("make", project, "csim-gxx");

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain($"PASS {result.GoldenCalls}"));
    }

    private static (int ExitCode, string Output) Run(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
