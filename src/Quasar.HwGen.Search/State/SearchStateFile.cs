using System.Text.Json;
using Quasar.HwGen.Core.IO;

namespace Quasar.HwGen.Search.State;

/// <summary>Reads and writes <see cref="SearchState"/> as JSON, atomically (Core's AtomicFile).</summary>
public static class SearchStateFile
{
    /// <summary>A state holds every evaluated subnet; far above what a long search writes.</summary>
    private const long SizeCap = 256L << 20;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
    };

    public static void Write(string path, SearchState state) =>
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(state, Options));

    public static SearchState Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no search state to resume", path);
        SearchState? state;
        try
        {
            state = JsonSerializer.Deserialize<SearchState>(BoundedFile.ReadAllBytes(path, SizeCap), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a search state file ({e.Message})", e);
        }
        if (state is null || state.Format != SearchState.CurrentFormat)
            throw new InvalidDataException($"{path}: search state format {state?.Format} is not {SearchState.CurrentFormat}");
        return state;
    }
}
