namespace Quasar.HwGen.Core.IO;

/// <summary>What a path names, as far as reading it is concerned (the S_IFMT bits of its mode).</summary>
internal enum FileKind
{
    /// <summary>The type could not be determined (not Linux, or statx unavailable); only size bounds apply.</summary>
    Unknown,
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}
