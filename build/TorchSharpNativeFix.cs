// The TorchSharp-on-Debian-12 fix, compiled by MSBuild as an inline task (RoslynCodeTaskFactory)
// and linked into the tests. RoslynCodeTaskFactory takes one source file, so the ELF logic and the
// task wrapper share this file — the one exception to one-type-per-file in the repository. The task
// factory compiles against netstandard2.0, hence classes instead of records and no spans.
//
// Why: TorchSharp-cpu 0.107.0's libLibTorchSharp.so was linked against GCC 13's libstdc++ and lists
// the version GLIBCXX_3.4.32 as required, only for the link-time anchor `std::ios_base_library_init`
// that no relocation uses. Debian 12 ships GLIBCXX up to 3.4.30, so the loader refuses the library.
// Setting VER_FLG_WEAK on that one requirement makes the loader accept its absence. We patch the copy
// in the build output (never the NuGet cache) and only where the system libstdc++ lacks the version.

#nullable enable

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Quasar.Build;

/// <summary>Reads and edits the GNU symbol-version sections of a little-endian ELF64 file.</summary>
public static class ElfSymbolVersions
{
    public const string TorchSharpExtraVersion = "GLIBCXX_3.4.32";

    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>One version a shared object requires from another (an entry of .gnu.version_r).</summary>
    public sealed class Requirement
    {
        public Requirement(string file, string version, ushort flags, int flagsOffset)
        {
            File = file;
            Version = version;
            Flags = flags;
            FlagsOffset = flagsOffset;
        }

        public string File { get; }
        public string Version { get; }
        public ushort Flags { get; }
        public int FlagsOffset { get; }
        public bool IsWeak => (Flags & VerFlagWeak) != 0;
    }

    public static bool IsElf64LittleEndian(byte[] elf) =>
        elf.Length >= 64 && elf[0] == 0x7f && elf[1] == (byte)'E' && elf[2] == (byte)'L' && elf[3] == (byte)'F'
        && elf[4] == 2 && elf[5] == 1;

    /// <summary>The version names an object defines (.gnu.version_d), e.g. GLIBCXX_3.4.30 for libstdc++.</summary>
    public static IReadOnlyList<string> DefinedVersions(byte[] elf)
    {
        var names = new List<string>();
        foreach (var section in Sections(elf))
        {
            if (section.Type != ShtGnuVerdef) continue;
            var strtab = SectionAt(elf, (int)section.Link);
            long entry = section.Offset;
            for (uint i = 0; i < section.Info; i++)
            {
                uint vdAux = U32(elf, entry + 12), vdNext = U32(elf, entry + 16);
                names.Add(CString(elf, strtab.Offset + U32(elf, entry + vdAux)));
                if (vdNext == 0) break;
                entry += vdNext;
            }
        }
        return names;
    }

    /// <summary>The versions an object requires (.gnu.version_r), with their flags.</summary>
    public static IReadOnlyList<Requirement> RequiredVersions(byte[] elf)
    {
        var result = new List<Requirement>();
        foreach (var section in Sections(elf))
        {
            if (section.Type != ShtGnuVerneed) continue;
            var strtab = SectionAt(elf, (int)section.Link);
            long need = section.Offset;
            for (uint i = 0; i < section.Info; i++)
            {
                ushort count = U16(elf, need + 2);
                string file = CString(elf, strtab.Offset + U32(elf, need + 4));
                long aux = need + U32(elf, need + 8);
                for (int j = 0; j < count; j++)
                {
                    string version = CString(elf, strtab.Offset + U32(elf, aux + 8));
                    result.Add(new Requirement(file, version, U16(elf, aux + 4), checked((int)(aux + 4))));
                    uint auxNext = U32(elf, aux + 12);
                    if (auxNext == 0) break;
                    aux += auxNext;
                }
                uint needNext = U32(elf, need + 12);
                if (needNext == 0) break;
                need += needNext;
            }
        }
        return result;
    }

    /// <summary>Sets VER_FLG_WEAK on the requirement of <paramref name="version"/>; false when absent or already weak.</summary>
    public static bool MarkRequirementWeak(byte[] elf, string version)
    {
        bool changed = false;
        foreach (var requirement in RequiredVersions(elf))
        {
            if (requirement.Version != version || requirement.IsWeak) continue;
            ushort flags = (ushort)(requirement.Flags | VerFlagWeak);
            elf[requirement.FlagsOffset] = (byte)flags;
            elf[requirement.FlagsOffset + 1] = (byte)(flags >> 8);
            changed = true;
        }
        return changed;
    }

    private readonly struct Section
    {
        public Section(uint type, long offset, uint link, uint info)
        {
            Type = type;
            Offset = offset;
            Link = link;
            Info = info;
        }

        public uint Type { get; }
        public long Offset { get; }
        public uint Link { get; }
        public uint Info { get; }
    }

    private static List<Section> Sections(byte[] elf)
    {
        if (!IsElf64LittleEndian(elf)) throw new InvalidDataException("not a little-endian ELF64 file");
        long shoff = (long)U64(elf, 0x28);
        ushort shentsize = U16(elf, 0x3a), shnum = U16(elf, 0x3c);
        var sections = new List<Section>(shnum);
        for (int i = 0; i < shnum; i++) sections.Add(ReadSection(elf, shoff + (long)i * shentsize));
        return sections;
    }

    private static Section SectionAt(byte[] elf, int index)
    {
        long shoff = (long)U64(elf, 0x28);
        return ReadSection(elf, shoff + (long)index * U16(elf, 0x3a));
    }

    private static Section ReadSection(byte[] elf, long at) =>
        new Section(U32(elf, at + 4), (long)U64(elf, at + 24), U32(elf, at + 40), U32(elf, at + 44));

    private static void Check(byte[] elf, long at, int bytes)
    {
        if (at < 0 || at + bytes > elf.Length) throw new InvalidDataException($"ELF structure points outside the file (offset {at})");
    }

    private static ushort U16(byte[] b, long at) { Check(b, at, 2); return BitConverter.ToUInt16(b, (int)at); }
    private static uint U32(byte[] b, long at) { Check(b, at, 4); return BitConverter.ToUInt32(b, (int)at); }
    private static ulong U64(byte[] b, long at) { Check(b, at, 8); return BitConverter.ToUInt64(b, (int)at); }

    private static string CString(byte[] b, long at)
    {
        Check(b, at, 1);
        int end = Array.IndexOf(b, (byte)0, (int)at);
        if (end < 0) throw new InvalidDataException("unterminated string in ELF string table");
        return Encoding.ASCII.GetString(b, (int)at, end - (int)at);
    }
}

/// <summary>Where the system's libstdc++ lives and whether it already provides a version.</summary>
public static class SystemLibStdCxx
{
    private static readonly string[] StandardDirectories =
    {
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
        "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib",
    };

    /// <summary>First libstdc++.so.6 on LD_LIBRARY_PATH, then in the standard library directories.</summary>
    public static string? Locate(string? ldLibraryPath)
    {
        var directories = new List<string>();
        if (!string.IsNullOrEmpty(ldLibraryPath)) directories.AddRange(ldLibraryPath!.Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries));
        directories.AddRange(StandardDirectories);
        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, "libstdc++.so.6");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static bool Provides(string libStdCxxPath, string version) =>
        ElfSymbolVersions.DefinedVersions(File.ReadAllBytes(libStdCxxPath)).Contains(version);
}

/// <summary>Decides and applies the patch for one copy of libLibTorchSharp.so.</summary>
public static class TorchSharpNativePatch
{
    public enum Outcome { Patched, AlreadyWeak, NotRequired, SystemProvidesVersion, NotElf }

    /// <param name="systemLibStdCxx">Path of the system libstdc++.so.6, or null when none was found.</param>
    public static Outcome Apply(string libraryPath, string? systemLibStdCxx)
    {
        var bytes = File.ReadAllBytes(libraryPath);
        if (!ElfSymbolVersions.IsElf64LittleEndian(bytes)) return Outcome.NotElf;
        var requirement = ElfSymbolVersions.RequiredVersions(bytes)
            .FirstOrDefault(r => r.Version == ElfSymbolVersions.TorchSharpExtraVersion);
        if (requirement is null) return Outcome.NotRequired;
        if (systemLibStdCxx is not null && SystemLibStdCxx.Provides(systemLibStdCxx, ElfSymbolVersions.TorchSharpExtraVersion))
            return Outcome.SystemProvidesVersion;
        if (requirement.IsWeak) return Outcome.AlreadyWeak;

        ElfSymbolVersions.MarkRequirementWeak(bytes, ElfSymbolVersions.TorchSharpExtraVersion);
        // Write beside, then rename: a hard link or an interrupted build never leaves a half-written library.
        var temporary = libraryPath + ".quasar-tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Replace(temporary, libraryPath, null);
        return Outcome.Patched;
    }
}

/// <summary>MSBuild task: patches every libLibTorchSharp.so under <see cref="Directory"/>.</summary>
public sealed class PatchTorchSharpNative : Microsoft.Build.Utilities.Task
{
    [Required]
    public string Directory { get; set; } = "";

    public override bool Execute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || !System.IO.Directory.Exists(Directory)) return true;
        string? system = SystemLibStdCxx.Locate(Environment.GetEnvironmentVariable("LD_LIBRARY_PATH"));
        foreach (var library in System.IO.Directory.EnumerateFiles(Directory, "libLibTorchSharp.so", SearchOption.AllDirectories))
        {
            try
            {
                var outcome = TorchSharpNativePatch.Apply(library, system);
                var importance = outcome == TorchSharpNativePatch.Outcome.Patched ? MessageImportance.Normal : MessageImportance.Low;
                Log.LogMessage(importance, $"TorchSharp native fix: {library}: {outcome} (system libstdc++: {system ?? "not found"})");
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Log.LogError($"TorchSharp native fix: cannot patch {library}: {e.Message}. See README.md, Troubleshooting.");
            }
        }
        return !Log.HasLoggedErrors;
    }
}
