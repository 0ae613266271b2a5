using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Common;

public enum SortDirection
{
    Asc = 0,
    Desc = 1,
}

public sealed class SortDirectionType() : DescribedEnumType<SortDirection>("SortDirection", "Sort direction.",
    new Dictionary<SortDirection, string>
    {
        [SortDirection.Asc] = "Smallest or oldest first.",
        [SortDirection.Desc] = "Largest or newest first.",
    });

/// <summary>How a list is sorted: one of the list's own sort fields, and a direction.</summary>
public sealed class SortInput<TField>
    where TField : struct, Enum
{
    public TField Field { get; set; }
    public SortDirection Direction { get; set; }
    public bool Descending => Direction == SortDirection.Desc;
}

/// <summary>
/// The one shape of every list's <c>sort</c> argument (<c>OrderSort</c>, <c>SkuSort</c>, …): a field of the list's sort enum
/// and a direction, both defaulted as the list is sorted when the argument is left out.
/// </summary>
public abstract class SortInputType<TField, TFieldType> : InputObjectGraphType<SortInput<TField>>
    where TField : struct, Enum
    where TFieldType : EnumerationGraphType
{
    protected SortInputType(string name, string list, string tieBreak, SortInput<TField> byDefault)
    {
        Name = name;
        Description = $"Order of {list}. Ties are broken by {tieBreak}, so paging is stable.";
        Field<NonNullGraphType<TFieldType>>("field").Description("What to sort by.").DefaultValue(byDefault.Field);
        Field<NonNullGraphType<SortDirectionType>>("direction").Description("Ascending or descending.").DefaultValue(byDefault.Direction);
    }
}

public static class Sorting
{
    /// <summary>The <c>sort</c> argument, or the list's default order when it was left out or null.</summary>
    public static SortInput<TField> Sort<TField>(this IResolveFieldContext context, SortInput<TField> byDefault)
        where TField : struct, Enum =>
        context.GetArgument<SortInput<TField>?>("sort") ?? byDefault;
}
