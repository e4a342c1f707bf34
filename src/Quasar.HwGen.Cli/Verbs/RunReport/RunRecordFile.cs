using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Cli.Verbs.RunReport;

/// <summary>Reads and writes <see cref="RunRecord"/> as snake_case JSON; writes are atomic (temp file + rename).</summary>
internal static class RunRecordFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // × ≤ + as themselves: the file is read by people too, and never embedded in HTML or script.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static void Write(string runDirectory, RunRecord record) =>
        AtomicFile.WriteAllText(Path.Combine(runDirectory, RunRecord.FileName), JsonSerializer.Serialize(record, Json));

    /// <summary>The run's record; a missing, unreadable or foreign file is refused on one line naming it and the fix.</summary>
    public static RunRecord Read(string runDirectory)
    {
        var path = Path.Combine(runDirectory, RunRecord.FileName);
        const string fix = "rerun `quasar demo --out` into this folder to write it again";
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing: this is not a run directory; {fix}, or give a generated project instead");
        RunRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } p ? $" at {p}" : "";
            throw new InvalidDataException($"{path}{where} is not a run record ({FirstLine(e.Message)}); {fix}");
        }
        if (record is null) throw new InvalidDataException($"{path} holds null, not a run record; {fix}");
        if (record.Version != RunRecord.CurrentVersion)
            throw new InvalidDataException($"{path}: version {record.Version} is not {RunRecord.CurrentVersion}, the one this quasar reads; {fix}");
        return record;
    }

    /// <summary>The parser's first sentence, naming the record rather than quasar's type for it.</summary>
    private static string FirstLine(string text) =>
        text.Split('\n')[0].Replace($"type '{typeof(RunRecord).FullName}'", "the run record", StringComparison.Ordinal)
            .Replace(typeof(RunRecord).FullName!, "the run record", StringComparison.Ordinal).Trim().TrimEnd('.');
}
