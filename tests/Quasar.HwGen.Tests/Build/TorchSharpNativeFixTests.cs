using System.Runtime.InteropServices;
using Quasar.Build;

namespace Quasar.HwGen.Tests.Build;

/// <summary>
/// The build's fix for libLibTorchSharp.so on Debian 12 (build/TorchSharpNativeFix.cs), on real ELF files built here:
/// a fake libstdc++ with and without the version GLIBCXX_3.4.32 and a library that requires that version.
/// </summary>
[TestFixture]
[Category("NeedsGpp")]
public sealed class TorchSharpNativeFixTests
{
    private const string Version = ElfSymbolVersions.TorchSharpExtraVersion;
    private TemporaryDirectory _directory = null!;
    private string _soname = "";

    [SetUp]
    public void BuildFakeLibraries()
    {
        _directory = new TemporaryDirectory();
        // A unique soname per test: the process keeps every loaded library, so names must never repeat.
        _soname = $"libfakestdcxx{Guid.NewGuid():N}.so.6";
        File.WriteAllText(_directory.File("std.cpp"), "extern \"C\" int old_api() { return 1; }\nextern \"C\" int new_api() { return 2; }\n");
        File.WriteAllText(_directory.File("old.map"), "GLIBCXX_3.4.30 { global: old_api; new_api; local: *; };\n");
        File.WriteAllText(_directory.File("new.map"),
            "GLIBCXX_3.4.30 { global: old_api; local: *; };\nGLIBCXX_3.4.32 { global: new_api; } GLIBCXX_3.4.30;\n");
        File.WriteAllText(_directory.File("consumer.cpp"),
            "extern \"C\" int old_api(); extern \"C\" int new_api();\n"
            + "extern \"C\" int consumer_answer() { return 41 + old_api(); }\n"
            // Referenced but never called, like the anchor symbol in libLibTorchSharp.so: lazy binding never resolves it.
            + "extern \"C\" int never_called() { return new_api(); }\n");

        Directory.CreateDirectory(_directory.File("new"));
        Directory.CreateDirectory(_directory.File("old"));
        NativeToolchain.Gpp(_directory.Path, "-shared", "-fPIC", "-o", $"new/{_soname}", "std.cpp", $"-Wl,-soname,{_soname}", "-Wl,--version-script=new.map");
        NativeToolchain.Gpp(_directory.Path, "-shared", "-fPIC", "-o", $"old/{_soname}", "std.cpp", $"-Wl,-soname,{_soname}", "-Wl,--version-script=old.map");
        // Linked against the newer library, as libLibTorchSharp.so was linked against GCC 13's libstdc++.
        NativeToolchain.Gpp(_directory.Path, "-shared", "-fPIC", "-o", "old/libconsumer.so", "consumer.cpp", $"new/{_soname}", "-Wl,-rpath,$ORIGIN");
    }

    [TearDown]
    public void DeleteFakeLibraries() => _directory.Dispose();

    private string Consumer => _directory.File("old/libconsumer.so");
    private string NewStd => _directory.File($"new/{_soname}");
    private string OldStd => _directory.File($"old/{_soname}");

    [Test]
    public void Defined_versions_of_each_fake_libstdcxx_are_read()
    {
        Assert.That(ElfSymbolVersions.DefinedVersions(File.ReadAllBytes(NewStd)), Does.Contain(Version).And.Contain("GLIBCXX_3.4.30"));
        Assert.That(ElfSymbolVersions.DefinedVersions(File.ReadAllBytes(OldStd)), Does.Not.Contain(Version).And.Contain("GLIBCXX_3.4.30"));
    }

    [Test]
    public void The_consumer_requires_the_newer_version_strongly()
    {
        var requirement = ElfSymbolVersions.RequiredVersions(File.ReadAllBytes(Consumer)).Single(r => r.Version == Version);

        Assert.That(requirement.File, Is.EqualTo(_soname));
        Assert.That(requirement.IsWeak, Is.False);
    }

    [Test]
    public void Without_the_fix_the_loader_refuses_the_consumer_against_the_older_libstdcxx()
    {
        var error = Assert.Throws<DllNotFoundException>(() => NativeLibrary.Load(Consumer))!;

        Assert.That(error.Message, Does.Contain($"version `{Version}' not found"));
    }

    [Test]
    public void Where_the_system_lacks_the_version_the_fix_marks_it_weak_and_the_library_loads()
    {
        var before = File.ReadAllBytes(Consumer);

        var outcome = TorchSharpNativePatch.Apply(Consumer, systemLibStdCxx: OldStd);

        var after = File.ReadAllBytes(Consumer);
        Assert.That(outcome, Is.EqualTo(TorchSharpNativePatch.Outcome.Patched));
        Assert.That(ElfSymbolVersions.RequiredVersions(after).Single(r => r.Version == Version).IsWeak, Is.True);
        Assert.That(Enumerable.Range(0, before.Length).Count(i => before[i] != after[i]), Is.EqualTo(1), "only the flags byte changes");

        var handle = NativeLibrary.Load(Consumer);
        Assert.That(NativeLibrary.GetExport(handle, "consumer_answer"), Is.Not.EqualTo(IntPtr.Zero));
    }

    [Test]
    public void Patching_twice_changes_nothing_the_second_time()
    {
        TorchSharpNativePatch.Apply(Consumer, OldStd);
        var once = File.ReadAllBytes(Consumer);

        var outcome = TorchSharpNativePatch.Apply(Consumer, OldStd);

        Assert.That(outcome, Is.EqualTo(TorchSharpNativePatch.Outcome.AlreadyWeak));
        Assert.That(File.ReadAllBytes(Consumer), Is.EqualTo(once));
    }

    [Test]
    public void Where_the_system_provides_the_version_the_fix_is_a_no_op()
    {
        var before = File.ReadAllBytes(Consumer);

        var outcome = TorchSharpNativePatch.Apply(Consumer, systemLibStdCxx: NewStd);

        Assert.That(outcome, Is.EqualTo(TorchSharpNativePatch.Outcome.SystemProvidesVersion));
        Assert.That(File.ReadAllBytes(Consumer), Is.EqualTo(before));
    }

    [Test]
    public void A_library_that_does_not_require_the_version_is_left_alone()
    {
        var before = File.ReadAllBytes(NewStd);

        Assert.That(TorchSharpNativePatch.Apply(NewStd, OldStd), Is.EqualTo(TorchSharpNativePatch.Outcome.NotRequired));
        Assert.That(File.ReadAllBytes(NewStd), Is.EqualTo(before));
    }

    [Test]
    public void A_file_that_is_not_elf_is_left_alone()
    {
        File.WriteAllText(_directory.File("libLibTorchSharp.so"), "not an ELF file");

        Assert.That(TorchSharpNativePatch.Apply(_directory.File("libLibTorchSharp.so"), OldStd), Is.EqualTo(TorchSharpNativePatch.Outcome.NotElf));
    }

    [Test]
    public void A_truncated_elf_file_gives_an_invalid_data_error_not_an_index_error()
    {
        var truncated = File.ReadAllBytes(Consumer)[..200];

        Assert.Throws<InvalidDataException>(() => ElfSymbolVersions.RequiredVersions(truncated));
    }

    [Test]
    public void This_machine_s_libstdcxx_is_located_and_read()
    {
        var system = SystemLibStdCxx.Locate(ldLibraryPath: null);
        Assume.That(system, Is.Not.Null, "no libstdc++.so.6 in the standard directories");

        var versions = ElfSymbolVersions.DefinedVersions(File.ReadAllBytes(system!));

        Assert.That(versions, Does.Contain("GLIBCXX_3.4.30"), "GCC 12 or newer is expected on the build machines");
    }

    [Test]
    public void LD_LIBRARY_PATH_is_searched_before_the_standard_directories()
    {
        Assert.That(SystemLibStdCxx.Locate(Path.GetDirectoryName(OldStd)), Is.Null.Or.Not.EqualTo(OldStd), "the soname differs from libstdc++.so.6");
        File.Copy(OldStd, _directory.File("old/libstdc++.so.6"));

        Assert.That(SystemLibStdCxx.Locate(_directory.File("old")), Is.EqualTo(_directory.File("old/libstdc++.so.6")));
    }
}
