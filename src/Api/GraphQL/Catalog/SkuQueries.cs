using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog;
using EcomErp.Application.Catalog.GetSku;
using EcomErp.Application.Catalog.ListSkus;
using EcomErp.Application.Catalog.ReadModels;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Catalog;

public sealed class SkuType : ObjectGraphType<SkuView>
{
    public SkuType()
    {
        Name = "Sku";
        Description = "A sellable stock-keeping unit: one style in one size and colour. Its cost is the business's own and not in the API.";
        Field(s => s.Code).Description("SKU code, e.g. TEE-CREW-M-BLK.");
        Field(s => s.Name).Description("Display name.");
        Field(s => s.Style).Description("Style the SKU belongs to.");
        Field(s => s.Size).Description("Size.");
        Field(s => s.Colour).Description("Colour.");
        Field<NonNullGraphType<MoneyType>>("price").Description("List price.").Resolve(c => new MoneyValue(c.Source.PriceMinor, c.Source.Currency));
        Field(s => s.WeightGrams).Description("Shipping weight in grams.");
        Field("critical", s => s.IsCritical).Description("True for SKUs whose stockout hurts most (planning watches them first).");
        Field("active", s => s.IsActive).Description("False when the SKU may no longer be ordered.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("substitutes")
            .Description("SKU codes allocation may ship in this one's place where the channel allows substitution, in the order it tries them; empty: none.")
            .Resolve(c => c.Source.Substitutes);
    }
}

public sealed class SkuFilterInput
{
    public string? Search { get; set; }
    public string? Style { get; set; }
    public bool? Active { get; set; }
    public bool? Critical { get; set; }

    public SkuCriteria ToCriteria() => new(Search, Style, Active, Critical);
}

public sealed class SkuFilterInputType : InputObjectGraphType<SkuFilterInput>
{
    public SkuFilterInputType()
    {
        Name = "SkuFilter";
        Description = "Narrows the catalog; every given criterion must hold.";
        Field<StringGraphType>("search").Description(
            $"Only SKUs whose code or name contains this text, ignoring case; 1 to {CatalogQueryErrors.SearchMaxLength} characters after trimming "
            + $"(else {CatalogQueryErrors.SearchInvalid}), no control characters.");
        Field<StringGraphType>("style").Description("Only SKUs of this style, spelt as the catalog spells it, e.g. TEE-CREW.");
        Field<BooleanGraphType>("active").Description("Only active (true) or inactive (false) SKUs.");
        Field<BooleanGraphType>("critical").Description("Only critical (true) or non-critical (false) SKUs.");
    }
}

public sealed class SkuSortInputType() : SortInputType<SkuSortField, SkuSortFieldType>("SkuSort", "the catalog", "code", Default)
{
    public static readonly SortInput<SkuSortField> Default = new() { Field = SkuSortField.Code, Direction = SortDirection.Asc };
}

public sealed class SkuSortFieldType() : DescribedEnumType<SkuSortField>("SkuSortField", "Fields the catalog can be sorted by.",
    new Dictionary<SkuSortField, string>
    {
        [SkuSortField.Code] = "SKU code.",
        [SkuSortField.Name] = "Display name, ignoring case.",
        [SkuSortField.Price] = "List price within its currency: SKUs group by currency code first (prices in different currencies are never compared).",
    });

public static class SkuQueries
{
    private const string List = "skus";

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<SkuType>("sku")
            .Description($"One SKU by code (any case); null when the catalog has none. A malformed code is SKU_CODE_INVALID. {CatalogAccess.ScopeText}")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The SKU code.")
            // The catalog belongs to no channel: every channel sells it.
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                context.RequireCatalogScope();
                return context.ValueOrThrow(await context.QueryAsync<GetSku, SkuView?>(new GetSku(context.GetArgument<string>("code"))));
            });

        query.Field<NonNullGraphType<ConnectionGraphType<SkuType>>>(List)
            .Description($"The catalog, filtered and sorted in the store, as a connection. {CatalogAccess.ScopeText}")
            .Argument<SkuFilterInputType>("filter", "Criteria every SKU must meet.")
            .Argument<SkuSortInputType>("sort", "Sort order; by code ascending by default.")
            .PagingArguments("in the sort order")
            .OpenToPartners()
            .ResolveAsync(async context =>
            {
                context.RequireCatalogScope();
                var page = context.Page(List);
                var sort = context.Sort(SkuSortInputType.Default);
                var answer = context.ValueOrThrow(await context.QueryAsync<ListSkus, SkuPage>(new ListSkus(
                    (context.GetArgument<SkuFilterInput?>("filter") ?? new SkuFilterInput()).ToCriteria(), sort.Field, sort.Descending,
                    page.Size, page.FromTheEnd, Position(page.After, sort.Field, "after"), Position(page.Before, sort.Field, "before"))));
                return ConnectionPage.Of(answer.Items, i => page.Cursor(answer.Positions[i].Key(sort.Field)),
                    answer.HasNextPage, answer.HasPreviousPage, answer.TotalCount);
            });
    }

    /// <summary>The position a cursor's key names; key text that is not one of this sort's positions is a cursor this API never issued.</summary>
    private static SkuPosition? Position(string? key, SkuSortField sort, string argument) => key is null
        ? null
        : SkuPosition.Parse(key, sort) ?? throw new ExecutionError($"The cursor in '{argument}' is not a cursor of this list.") { Code = Paging.InvalidCursor };
}
