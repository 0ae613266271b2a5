using System.Text.Json;
using System.Text.Json.Serialization;
using EcomErp.Application.Orders.ReadModels;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>One JSON shape for documents in the read tables, the cache and on the bus: camelCase, enums by name.</summary>
internal static class ReadModelJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A {typeof(T).Name} document is empty.");

    public static OrderView ToOrderView(string document) => Deserialize<OrderView>(document);
}
