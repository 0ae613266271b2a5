namespace EcomErp.Application.Catalog;

/// <summary>Expected failures of the catalog's queries, by code.</summary>
public static class CatalogErrors
{
    public const int SearchMaxLength = 100;
    public const string SearchInvalidCode = "CATALOG_SEARCH_INVALID";
    public const string StyleInvalidCode = "CATALOG_STYLE_INVALID";
}
