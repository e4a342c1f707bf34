using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quasar.HwGen.Core.Ir.Package;

/// <summary>Writes arrays into weights.bin and only a reference {"blob": offset, "count": n} into graph.json.</summary>
internal sealed class BlobArrayConverter<T>(BlobStore store) : JsonConverter<T[]> where T : unmanaged
{
    public override T[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected a blob reference {\"blob\": offset, \"count\": n}");
        long? offset = null;
        int? count = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "blob": offset = reader.GetInt64(); break;
                case "count": count = reader.GetInt32(); break;
                default: throw new JsonException($"unexpected property '{property}' in a blob reference");
            }
        }
        if (offset is null || count is null) throw new JsonException("a blob reference needs both \"blob\" and \"count\"");
        var values = store.Read<T>(offset.Value, count.Value);
        if (typeof(T) == typeof(bool) && System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).IndexOfAnyExcept((byte)0, (byte)1) >= 0)
            throw new JsonException($"flags at offset {offset} hold a byte other than 0 or 1");
        return values;
    }

    public override void Write(Utf8JsonWriter writer, T[] value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("blob", store.Append<T>(value));
        writer.WriteNumber("count", value.Length);
        writer.WriteEndObject();
    }
}
