using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>A sellable stock-keeping unit: one style in one size and colour.</summary>
public sealed class Sku : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int AttributeMaxLength = 40;
    public const int MaxSubstitutes = 5;

    private SkuCode[] _substitutes = [];

    private Sku() { }

    public SkuCode Code { get; private set; }
    public string Name { get; private set; } = "";
    public string Style { get; private set; } = "";
    public string Size { get; private set; } = "";
    public string Colour { get; private set; } = "";

    /// <summary>List price in minor units of <see cref="PriceCurrency"/>.</summary>
    public long PriceMinor { get; private set; }
    public long CostMinor { get; private set; }
    public string PriceCurrency { get; private set; } = "";
    public int WeightGrams { get; private set; }
    public bool IsCritical { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>SKUs allowed in this one's place, in the order allocation tries them; empty: no substitution.</summary>
    public IReadOnlyList<SkuCode> Substitutes => _substitutes;

    public static Result<Sku> Create(string code, string name, string style, string size, string colour,
        Money price, Money cost, int weightGrams, DateTimeOffset at, bool isCritical = false)
    {
        var parsed = SkuCode.Create(code);
        if (parsed.IsFailure)
            return Result<Sku>.Failure(parsed.Errors);
        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength)
            return new Error(CatalogErrors.SkuNameInvalid, $"A SKU name of 1 to {NameMaxLength} characters is required.", "name");
        if (TextRules.Check(name, "name") is { } nameRefused)
            return nameRefused;
        if (price.MinorUnits < 0 || cost.MinorUnits < 0 || price.Currency != cost.Currency)
            return new Error(CatalogErrors.SkuPriceInvalid, "Price and cost are non-negative and in one currency.", "price");
        if (weightGrams < 0)
            return new Error(CatalogErrors.SkuWeightInvalid, "A weight cannot be negative.", "weightGrams");
        foreach (var (field, value) in new[] { ("style", style), ("size", size), ("colour", colour) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > AttributeMaxLength)
                return new Error(CatalogErrors.SkuAttributeInvalid, $"A {field} of 1 to {AttributeMaxLength} characters is required.", field);
            if (TextRules.Check(value, field) is { } attributeRefused)
                return attributeRefused;
        }
        var sku = new Sku
        {
            Code = parsed.Value, Name = name.Trim(), Style = style.Trim(), Size = size.Trim(), Colour = colour.Trim(),
            PriceMinor = price.MinorUnits, CostMinor = cost.MinorUnits, PriceCurrency = price.Currency.Code,
            WeightGrams = weightGrams, IsCritical = isCritical, IsActive = true,
        };
        sku.Raise(new SkuRegistered(sku.Code.Value, sku.Name, sku.Style, sku.Size, sku.Colour, sku.PriceMinor, sku.PriceCurrency,
            sku.WeightGrams, sku.IsCritical, at));
        return sku;
    }

    /// <summary>
    /// Lists the SKUs allowed in this one's place (a planner's decision). Whether those SKUs exist is checked by the
    /// caller, which has the catalog.
    /// </summary>
    public Result SetSubstitutes(IReadOnlyList<SkuCode> substitutes, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{actor.Name} may not change the catalog: it needs the {Roles.Planner} role.");
        if (substitutes.Count > MaxSubstitutes)
            return new Error(CatalogErrors.SkuSubstitutesInvalid, $"A SKU has at most {MaxSubstitutes} substitutes.", "substitutes");
        for (var i = 0; i < substitutes.Count; i++)
        {
            if (substitutes[i] == Code || substitutes[i].Value is null)
                return new Error(CatalogErrors.SkuSubstitutesInvalid, "A SKU cannot substitute itself.", $"substitutes[{i}]");
            if (substitutes.Take(i).Contains(substitutes[i]))
                return new Error(CatalogErrors.SkuSubstitutesInvalid, $"{substitutes[i]} is listed twice.", $"substitutes[{i}]");
        }
        if (_substitutes.SequenceEqual(substitutes))
            return new Error(CatalogErrors.SkuSubstitutesUnchanged, $"SKU {Code} already has these substitutes.");
        _substitutes = [.. substitutes];
        Raise(new SkuSubstitutesChanged(Code.Value, [.. _substitutes.Select(c => c.Value)], actor.Id, at));
        return Result.Success();
    }

    public Result Deactivate(Actor actor, DateTimeOffset at) => SetActive(false, actor, at);

    public Result Activate(Actor actor, DateTimeOffset at) => SetActive(true, actor, at);

    private Result SetActive(bool active, Actor actor, DateTimeOffset at)
    {
        if (!actor.MayActAs(Roles.Planner))
            return new Error(CommonErrors.NotPermitted, $"{actor.Name} may not change the catalog: it needs the {Roles.Planner} role.");
        if (IsActive == active)
            return new Error(CatalogErrors.SkuActivationUnchanged, $"SKU {Code} is already {(active ? "active" : "inactive")}.");
        IsActive = active;
        Raise(new SkuActivationChanged(Code.Value, active, actor.Id, at));
        return Result.Success();
    }
}
