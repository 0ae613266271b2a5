using System.ComponentModel.DataAnnotations;
using EcomErp.Application.Catalog;
using EcomErp.Domain.Catalog;

namespace EcomErp.Admin.Areas.Admin.Pages.MasterData.Locations;

/// <summary>
/// A location's details as the create and the edit form post them. Capacities left empty mean no daily limit, 0 means no
/// pickups (<see cref="CarrierCapacity"/>); the commands and the domain check every value, so the form only requires what
/// cannot be sent without (kind, priority).
/// </summary>
public sealed class LocationInput
{
    [Display(Name = "Code")]
    public string? Code { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Kind")]
    [Required(ErrorMessage = "Choose what kind of place the location is.")]
    public LocationKind? Kind { get; set; }

    [Display(Name = "Ship-from region (ISO country code or zone)")]
    public string? Region { get; set; }

    [Display(Name = "Priority (lower ships first)")]
    [Required(ErrorMessage = "A priority is required: 0 or more, lower ships first.")]
    public int? Priority { get; set; }

    [Display(Name = "Standard")]
    public int? StandardCapacity { get; set; }

    [Display(Name = "Express")]
    public int? ExpressCapacity { get; set; }

    [Display(Name = "Next day")]
    public int? NextDayCapacity { get; set; }

    [Display(Name = "Cost of one shipment")]
    public decimal? ShipmentCost { get; set; }

    [Display(Name = "Added cost when expedited")]
    public decimal? ExpediteCost { get; set; }

    [Display(Name = "Currency of the costs")]
    public string? Currency { get; set; }

    /// <summary>The version the edit form was filled from; a change saved since then is refused, not overwritten.</summary>
    public int? ExpectedVersion { get; set; }

    public LocationDetails ToDetails() => new(Name ?? "", Kind!.Value, Region ?? "", Priority!.Value, StandardCapacity, ExpressCapacity, NextDayCapacity,
        ShipmentCost, ExpediteCost, Currency);

    public static LocationInput From(LocationDetails details, int version) => new()
    {
        Name = details.Name, Kind = details.Kind, Region = details.Region, Priority = details.Priority, StandardCapacity = details.StandardCapacity,
        ExpressCapacity = details.ExpressCapacity, NextDayCapacity = details.NextDayCapacity, ShipmentCost = details.ShipmentCost,
        ExpediteCost = details.ExpediteCost, Currency = details.Currency, ExpectedVersion = version,
    };

    /// <summary>The form field (under <paramref name="prefix"/>) of a location command's error field; none puts it above the form.</summary>
    public static string FieldOf(string prefix, string? field)
    {
        var name = field switch
        {
            "code" => nameof(Code),
            "name" => nameof(Name),
            "region" => nameof(Region),
            "priority" => nameof(Priority),
            "carrierCapacity.standard" => nameof(StandardCapacity),
            "carrierCapacity.express" => nameof(ExpressCapacity),
            "carrierCapacity.nextDay" => nameof(NextDayCapacity),
            "shipmentCost" => nameof(ShipmentCost),
            "expediteCost" => nameof(ExpediteCost),
            "currency" => nameof(Currency),
            "expectedVersion" => nameof(ExpectedVersion),
            _ => null,
        };
        return name is null ? string.Empty : $"{prefix}.{name}";
    }
}
