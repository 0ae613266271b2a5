using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog;

/// <summary>Expected failures of the catalog's queries, by code (master data's own are in the Domain's CatalogErrors).</summary>
public static class CatalogQueryErrors
{
    public const int SearchMaxLength = 100;

    [ErrorDescription("A SKU search is blank, longer than 100 characters, or holds control, bidirectional-override or only invisible characters.")]
    public const string SearchInvalid = "CATALOG_SEARCH_INVALID";

    [ErrorDescription("A style filter is blank, too long, or holds control, bidirectional-override or only invisible characters.")]
    public const string StyleInvalid = "CATALOG_STYLE_INVALID";
}
