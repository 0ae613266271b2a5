using System.Text.Json;
using GraphQL.Types;

namespace EcomErp.Api.Tests.Security;

/// <summary>
/// Documents built from the schema itself, so a field added to the API is walked without anyone remembering to: every
/// field of a root type with its required arguments filled from demo values, selecting every field below it.
/// </summary>
internal static class SchemaWalk
{
    /// <summary>
    /// One document per root field and combination of demo values. A root field with a required argument the demo values
    /// do not cover fails the walk: whoever adds it says here what to ask it with.
    /// </summary>
    public static IEnumerable<(string Field, string Document)> Documents(
        string operation, IObjectGraphType root, IReadOnlyDictionary<string, IReadOnlyList<object>> demoValues)
    {
        foreach (var field in root.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            var arguments = (field.Arguments ?? []).Where(a => a.ResolvedType is NonNullGraphType || demoValues.ContainsKey(a.Name)).ToList();
            var missing = arguments.Where(a => !demoValues.ContainsKey(a.Name)).Select(a => a.Name).ToList();
            Assert.True(missing.Count == 0, $"{root.Name}.{field.Name} needs {string.Join(", ", missing)}: give the schema walk demo values for them.");
            foreach (var combination in Combinations(arguments.Select(a => demoValues[a.Name].Select(v => $"{a.Name}: {JsonSerializer.Serialize(v)}")).ToList()))
            {
                var list = combination.Count == 0 ? "" : $"({string.Join(", ", combination)})";
                yield return (field.Name, $"{operation} {{ {field.Name}{list}{Selection(field.ResolvedType!, new HashSet<string>())} }}");
            }
        }
    }

    /// <summary>Every field of the type and below it, each object type once per path (so cycles end), without fields that need arguments.</summary>
    public static string Selection(IGraphType type, IReadOnlySet<string> path)
    {
        var named = Named(type);
        if (named is not IComplexGraphType complex || path.Contains(named.Name))
            return "";
        var below = new HashSet<string>(path) { named.Name };
        var fields = complex.Fields
            .Where(f => (f.Arguments ?? []).All(a => a.ResolvedType is not NonNullGraphType))
            .Where(f => Named(f.ResolvedType!) is not IComplexGraphType child || !below.Contains(child.Name))
            .Select(f => f.Name + Selection(f.ResolvedType!, below));
        return $" {{ __typename {string.Join(" ", fields)} }}";
    }

    /// <summary>Every string in the answer's data with where it is, for checks that walk the whole answer.</summary>
    public static IEnumerable<(string Path, string Value)> Strings(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return (path, element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    foreach (var found in Strings(property.Value, $"{path}.{property.Name}"))
                        yield return found;
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    foreach (var found in Strings(item, $"{path}[{i++}]"))
                        yield return found;
                break;
        }
    }

    private static IGraphType Named(IGraphType type) => type is IProvideResolvedType wrapper ? Named(wrapper.ResolvedType!) : type;

    private static IEnumerable<List<string>> Combinations(IReadOnlyList<IEnumerable<string>> choices) =>
        choices.Aggregate((IEnumerable<List<string>>)[[]], (sofar, next) => sofar.SelectMany(prefix => next.Select(choice => new List<string>(prefix) { choice })));
}
