using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>An enum whose every value carries a description (the schema test insists on it).</summary>
public abstract class DescribedEnumType<TEnum> : EnumerationGraphType<TEnum> where TEnum : struct, Enum
{
    protected DescribedEnumType(string name, string description, IReadOnlyDictionary<TEnum, string> values)
    {
        Name = name;
        Description = description;
        foreach (var value in Values)
            value.Description = values.TryGetValue((TEnum)value.Value!, out var text) ? text : null;
    }
}
