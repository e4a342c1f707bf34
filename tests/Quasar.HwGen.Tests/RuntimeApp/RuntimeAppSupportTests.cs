namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>The helpers the Arm64 check relies on: the logits comparison finds a one-bit difference; a missing qemu fails CI.</summary>
[TestFixture]
public sealed class RuntimeAppSupportTests
{
    [Test]
    public void The_comparison_names_the_image_and_class_of_the_first_differing_bit()
    {
        using var work = new TemporaryDirectory();
        var bytes = new byte[3 * 10 * sizeof(float)];
        string first = work.File("a"), second = work.File("b");
        File.WriteAllBytes(first, bytes);
        File.WriteAllBytes(second, bytes);
        Assert.That(LogitsComparison.FirstDifference(first, second, 3), Is.Null);

        bytes[(1 * 10 + 4) * sizeof(float) + 3] = 0x80; // image 1, class 4: +0 becomes -0, equal as floats, not as bits
        File.WriteAllBytes(second, bytes);
        Assert.That(LogitsComparison.FirstDifference(first, second, 3), Does.StartWith("image 1, class 4: 0 (0x00000000) vs -0 (0x80000000)"));
        File.WriteAllBytes(second, bytes[..^4]);
        Assert.That(LogitsComparison.FirstDifference(first, second, 3), Does.StartWith("the file sizes"));
    }

    [TestCase("true", true)]
    [TestCase("TRUE", true)]
    [TestCase(null, false)]
    [TestCase("", false)]
    [TestCase("false", false)]
    public void Without_qemu_the_arm64_check_fails_under_CI_and_is_ignored_elsewhere(string? ci, bool fails) =>
        Assert.That(Qemu.WhenMissing(ci), Is.EqualTo(fails ? MissingToolOutcome.Fail : MissingToolOutcome.Ignore));
}
