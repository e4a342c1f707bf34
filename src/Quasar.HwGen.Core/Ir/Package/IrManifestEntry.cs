namespace Quasar.HwGen.Core.Ir.Package;

/// <summary>One file of an IR package with the checksum it had when written.</summary>
public sealed record IrManifestEntry(string Name, long Bytes, string Sha256);
