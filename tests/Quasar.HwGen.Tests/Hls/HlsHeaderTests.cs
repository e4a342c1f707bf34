namespace Quasar.HwGen.Tests.Hls;

/// <summary>
/// The static HLS headers (hls-templates/include/quasar) under g++: each C++ program of tests/cpp checks one header
/// against values derived independently of it and prints <c>OK &lt;name&gt;</c> or the first failed checks.
/// </summary>
[TestFixture]
[Category("NeedsGpp")]
public sealed class HlsHeaderTests
{
    private TemporaryDirectory _directory = null!;

    [OneTimeSetUp]
    public void CreateDirectory() => _directory = new TemporaryDirectory();

    [OneTimeTearDown]
    public void DeleteDirectory() => _directory.Dispose();

    private void BuildAndPass(string name)
    {
        var (exitCode, output) = HlsCppProgram.Build(name, _directory.Path).Run();

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain($"OK {name}"));
    }

    [Test]
    public void Ap_compat_reproduces_the_vitis_ap_int_semantics() => BuildAndPass("ap_compat_test");

    [Test]
    public void Both_dsp_packings_equal_plain_products_for_every_operand() => BuildAndPass("packing_test");

    [Test]
    public void The_output_stage_and_nibble_split_match_hand_values_and_the_contract_formula() => BuildAndPass("output_stage_test");

    [Test]
    public void The_engine_equals_a_naive_reference_over_random_calls_of_seven_configurations() => BuildAndPass("gemm_engine_test");
}
