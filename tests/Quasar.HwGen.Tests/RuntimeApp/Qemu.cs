namespace Quasar.HwGen.Tests.RuntimeApp;

/// <summary>qemu-aarch64 (Debian's qemu-user): runs the linux-arm64 build of quasar-run on this x64 machine.</summary>
internal static class Qemu
{
    public const string InstallHint =
        "install qemu-user and the arm64 libraries: .ci/install-system-packages does (Debian: dpkg --add-architecture arm64 && apt-get update && apt-get install qemu-user libc6:arm64 libstdc++6:arm64 libssl3:arm64)";

    /// <summary>.NET's W^X double mapping of JIT code fails under qemu-user; without it the runtime starts.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Environment = new Dictionary<string, string?> { ["DOTNET_EnableWriteXorExecute"] = "0" };

    public static string? Find() =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "qemu-aarch64")).FirstOrDefault(File.Exists);

    /// <summary>What a test does when qemu-aarch64 is missing: fail under CI (<paramref name="ci"/> is "true"), where
    /// .ci/install-system-packages must have installed it; elsewhere it is ignored, with the hint.</summary>
    public static MissingToolOutcome WhenMissing(string? ci) =>
        string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) ? MissingToolOutcome.Fail : MissingToolOutcome.Ignore;

    /// <summary>The path of qemu-aarch64, or the test stops here as <see cref="WhenMissing"/> says.</summary>
    public static string Require()
    {
        if (Find() is { } path) return path;
        var message = $"qemu-aarch64 not found: {InstallHint}";
        if (WhenMissing(System.Environment.GetEnvironmentVariable("CI")) == MissingToolOutcome.Fail) Assert.Fail(message);
        Assert.Ignore(message);
        throw new InvalidOperationException("unreachable: Assert.Ignore throws");
    }
}
