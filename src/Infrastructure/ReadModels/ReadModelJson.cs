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

    /// <summary>
    /// The order's document, written at every status of every order: by the serializer generated at build time
    /// (<see cref="OrderViewJson"/>), the same shape as <see cref="Options"/> writes, without its per-property work at run time.
    /// </summary>
    public static string Serialize(OrderView? view) => JsonSerializer.Serialize(view, OrderViewJson.Default.OrderView);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A {typeof(T).Name} document is empty.");

    public static OrderView ToOrderView(string document) =>
        JsonSerializer.Deserialize(document, OrderViewJson.Default.OrderView) ?? throw new JsonException("An OrderView document is empty.");
}

/// <summary>The order's document generated at build time, with <see cref="ReadModelJson.Options"/>' settings: camelCase, enums by name.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderView))]
internal sealed partial class OrderViewJson : JsonSerializerContext;
