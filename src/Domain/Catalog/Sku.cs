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
        if (CheckDetails(new SkuDetails(name, style, size, colour, price, cost, weightGrams, isCritical)) is { } refused)
            return refused;
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
    /// Changes what the SKU is and costs (a planner's decision). Price and cost stay in the SKU's currency: prices in
    /// another one are a new SKU's, since orders, valuations and read models read them in the currency it was registered with.
    /// </summary>
    public Result Update(SkuDetails details, Actor actor, DateTimeOffset at)
    {
        if (CheckMayChange(actor) is { } notPermitted)
            return notPermitted;
        if (CheckDetails(details) is { } refused)
            return refused;
        if (details.Price.Currency.Code != PriceCurrency)
            return new Error(CatalogErrors.SkuPriceInvalid, $"Price and cost of SKU {Code} are in {PriceCurrency}.", "price");
        var (name, style, size, colour) = (details.Name.Trim(), details.Style.Trim(), details.Size.Trim(), details.Colour.Trim());
        if ((name, style, size, colour, details.Price.MinorUnits, details.Cost.MinorUnits, details.WeightGrams, details.IsCritical)
            == (Name, Style, Size, Colour, PriceMinor, CostMinor, WeightGrams, IsCritical))
            return new Error(CatalogErrors.SkuDetailsUnchanged, $"SKU {Code} already has these details.");
        (Name, Style, Size, Colour, PriceMinor, CostMinor, WeightGrams, IsCritical) =
            (name, style, size, colour, details.Price.MinorUnits, details.Cost.MinorUnits, details.WeightGrams, details.IsCritical);
        Raise(new SkuDetailsChanged(Code.Value, Name, Style, Size, Colour, PriceMinor, CostMinor, PriceCurrency, WeightGrams, IsCritical, actor.Id, at));
        return Result.Success();
    }

    /// <summary>Why <paramref name="actor"/> may not change the catalog (register, edit, activate, substitutes), or null when it may.</summary>
    public static Error? CheckMayChange(Actor actor) =>
        actor.MayActAs(Roles.Planner)
            ? null
            : new Error(CommonErrors.NotPermitted, $"{actor.Name} may not change the catalog: it needs the {Roles.Planner} role.");

    /// <summary>The one set of rules for what a SKU is and costs, on registration and on every edit.</summary>
    private static Error? CheckDetails(SkuDetails details)
    {
        var (name, price, cost) = (details.Name, details.Price, details.Cost);
        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength)
            return new Error(CatalogErrors.SkuNameInvalid, $"A SKU name of 1 to {NameMaxLength} characters is required.", "name");
        if (TextRules.Check(name, "name") is { } nameRefused)
            return nameRefused;
        if (price.MinorUnits < 0)
            return new Error(CatalogErrors.SkuPriceInvalid, "A price cannot be negative.", "price");
        if (cost.MinorUnits < 0)
            return new Error(CatalogErrors.SkuPriceInvalid, "A cost cannot be negative.", "cost");
        if (price.Currency != cost.Currency)
            return new Error(CatalogErrors.SkuPriceInvalid, "Price and cost are in one currency.", "price");
        if (details.WeightGrams < 0)
            return new Error(CatalogErrors.SkuWeightInvalid, "A weight cannot be negative.", "weightGrams");
        foreach (var (field, value) in new[] { ("style", details.Style), ("size", details.Size), ("colour", details.Colour) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > AttributeMaxLength)
                return new Error(CatalogErrors.SkuAttributeInvalid, $"A {field} of 1 to {AttributeMaxLength} characters is required.", field);
            if (TextRules.Check(value, field) is { } attributeRefused)
                return attributeRefused;
        }
        return null;
    }

    /// <summary>
    /// Lists the SKUs allowed in this one's place (a planner's decision). Whether those SKUs exist is checked by the
    /// caller, which has the catalog.
    /// </summary>
    public Result SetSubstitutes(IReadOnlyList<SkuCode> substitutes, Actor actor, DateTimeOffset at)
    {
        if (CheckMayChange(actor) is { } notPermitted)
            return notPermitted;
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
        if (CheckMayChange(actor) is { } notPermitted)
            return notPermitted;
        if (IsActive == active)
            return new Error(CatalogErrors.SkuActivationUnchanged, $"SKU {Code} is already {(active ? "active" : "inactive")}.");
        IsActive = active;
        Raise(new SkuActivationChanged(Code.Value, active, actor.Id, at));
        return Result.Success();
    }
}
