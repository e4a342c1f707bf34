using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Cli.Verbs.Sweep;

/// <summary>Reads and writes <see cref="SweepState"/> as snake_case JSON; writes are atomic (temp file + rename).</summary>
internal static class SweepStateFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static void Write(SweepLayout layout, SweepState state) => AtomicFile.WriteAllText(layout.State, JsonSerializer.Serialize(state, Json));

    public static SweepState? TryRead(SweepLayout layout) => File.Exists(layout.State) ? Read(layout) : null;

    /// <summary>The sweep's record; a missing or corrupt file is refused on one line naming it and the fix.</summary>
    public static SweepState Read(SweepLayout layout)
    {
        var path = layout.State;
        const string fix = "rerun quasar sweep <sweep file> --out into this folder to write it again";
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing: this is not a sweep directory; {fix}", path);
        SweepState? state;
        try
        {
            state = JsonSerializer.Deserialize<SweepState>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a sweep record ({e.Message.Split('\n')[0].TrimEnd('.')}); {fix}");
        }
        if (state is null) throw new InvalidDataException($"{path} holds null, not a sweep record; {fix}");
        if (state.Version != SweepState.CurrentVersion)
            throw new InvalidDataException($"{path}: version {state.Version} is not {SweepState.CurrentVersion}, the one this quasar reads; {fix}");
        return state;
    }
}
