using System.ComponentModel.DataAnnotations;
using EcomErp.Application.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData.Skus;

/// <summary>The fields of a SKU as the register and edit forms post them, and where a command's refusal of each is shown.</summary>
public sealed class SkuForm
{
    [Display(Name = "Code")]
    public string? Code { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Style")]
    public string? Style { get; set; }

    [Display(Name = "Size")]
    public string? Size { get; set; }

    [Display(Name = "Colour")]
    public string? Colour { get; set; }

    [Display(Name = "Price")]
    public decimal? Price { get; set; }

    [Display(Name = "Unit cost")]
    public decimal? Cost { get; set; }

    [Display(Name = "Currency")]
    public string? Currency { get; set; }

    [Display(Name = "Weight (grams)")]
    public int? WeightGrams { get; set; }

    [Display(Name = "Critical (kept in stock first, watched closely)")]
    public bool IsCritical { get; set; }

    /// <summary>The version the editor saw; a SKU changed since is a conflict.</summary>
    public int? Version { get; set; }

    public static SkuForm From(SkuDetailsView sku) => new()
    {
        Code = sku.Code, Name = sku.Name, Style = sku.Style, Size = sku.Size, Colour = sku.Colour,
        Price = Amount(sku.PriceMinor, sku.Currency), Cost = Amount(sku.CostMinor, sku.Currency),
        Currency = sku.Currency, WeightGrams = sku.WeightGrams, IsCritical = sku.IsCritical, Version = sku.Version,
    };

    private static decimal Amount(long minorUnits, string currency) => new Money(minorUnits, Domain.Common.Currency.Of(currency)).Amount;

    /// <summary>The form field (under <paramref name="prefix"/>) a command's error field names; the form's summary for the others.</summary>
    public static string FieldOf(string? field, string prefix = "Input") => field switch
    {
        "code" => $"{prefix}.{nameof(Code)}",
        "name" => $"{prefix}.{nameof(Name)}",
        "style" => $"{prefix}.{nameof(Style)}",
        "size" => $"{prefix}.{nameof(Size)}",
        "colour" => $"{prefix}.{nameof(Colour)}",
        "price" => $"{prefix}.{nameof(Price)}",
        "cost" => $"{prefix}.{nameof(Cost)}",
        "currency" => $"{prefix}.{nameof(Currency)}",
        "weightGrams" => $"{prefix}.{nameof(WeightGrams)}",
        _ => string.Empty,
    };
}
