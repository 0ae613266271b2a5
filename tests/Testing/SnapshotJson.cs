using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcomErp.Testing;

/// <summary>
/// A JSON document made fit for a committed snapshot: what differs from run to run is replaced by a named placeholder,
/// so the snapshot pins the shape and every stable value. Replaced:
/// <list type="bullet">
/// <item>ids: every GUID (with or without dashes), alone or inside a string (a reference, an actor, a message), becomes <c>&lt;id 1&gt;</c>,
/// <c>&lt;id 2&gt;</c>… numbered by first appearance, so one id reads the same everywhere in the document and two
/// different ids stay different;</item>
/// <item>cursors (<c>cursor</c>, <c>startCursor</c>, <c>endCursor</c>): they encode keys and fingerprints;</item>
/// <item>outbox sequences (properties ending in <c>sequence</c>): they move whenever the demo seed changes;</item>
/// <item>timestamps and dates (ISO 8601), unless the document was written under a fake clock, where they are stable and
/// kept; a date a test derives from today (an ETA) is as volatile as a timestamp.</item>
/// </list>
/// </summary>
public static partial class SnapshotJson
{
    // Relaxed escaping: the snapshot is read by people, and "<id 1>" or "Hauptstraße" read better than their \u escapes.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="fakeClock">The document's times come from a fake <see cref="TimeProvider"/>: keep them.</param>
    public static string Normalise(string json, bool fakeClock) => Normalise(JsonNode.Parse(json), fakeClock);

    /// <inheritdoc cref="Normalise(string, bool)"/>
    public static string Normalise(JsonElement json, bool fakeClock) => Normalise(JsonNode.Parse(json.GetRawText()), fakeClock);

    private static string Normalise(JsonNode? json, bool fakeClock)
    {
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return (json is null ? null : Replacement(json, property: null, ids, fakeClock) ?? json)?.ToJsonString(Indented) ?? "null";
    }

    /// <summary>The node to put in place of <paramref name="node"/>, or null to keep it (objects and arrays are normalised in place).</summary>
    private static JsonNode? Replacement(JsonNode node, string? property, Dictionary<string, string> ids, bool fakeClock)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (name, value) in json.ToList())
                {
                    if (value is not null && Replacement(value, name, ids, fakeClock) is { } replaced)
                        json[name] = replaced;
                }
                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item && Replacement(item, property, ids, fakeClock) is { } replaced)
                        array[i] = replaced;
                }
                return null;
            case JsonValue when property is "cursor" or "startCursor" or "endCursor":
                return "<cursor>";
            case JsonValue when property is not null && property.EndsWith("sequence", StringComparison.OrdinalIgnoreCase):
                return "<sequence>";
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (!fakeClock && Timestamp().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    return "<timestamp>";
                if (!fakeClock && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    return "<date>";
                var normalised = Guid().Replace(text, match => Id(match.Value, ids));
                return normalised == text ? null : normalised;
            default:
                return null;
        }
    }

    /// <summary>One placeholder per GUID, whichever way it is written.</summary>
    private static string Id(string value, Dictionary<string, string> ids)
    {
        var id = System.Guid.Parse(value).ToString();
        if (!ids.TryGetValue(id, out var placeholder))
            ids[id] = placeholder = $"<id {ids.Count + 1}>";
        return placeholder;
    }

    /// <summary>A GUID with dashes or without (error messages name an API client by its 32 digits).</summary>
    [GeneratedRegex(@"\b[0-9a-fA-F]{8}(-?)[0-9a-fA-F]{4}\1[0-9a-fA-F]{4}\1[0-9a-fA-F]{4}\1[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex Timestamp();
}
