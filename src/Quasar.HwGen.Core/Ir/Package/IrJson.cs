using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quasar.HwGen.Core.Ir.Package;

/// <summary>graph.json settings: snake_case names, enums as strings, arrays out of line in the blob store.</summary>
internal static class IrJson
{
    public static JsonSerializerOptions Options(BlobStore store) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false),
            new BlobArrayConverter<sbyte>(store),
            new BlobArrayConverter<byte>(store),
            new BlobArrayConverter<bool>(store),
            new BlobArrayConverter<int>(store),
            new BlobArrayConverter<float>(store),
        },
    };
}
