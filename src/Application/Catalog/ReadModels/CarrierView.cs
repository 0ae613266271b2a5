using EcomErp.Domain.Catalog;
using EcomErp.Domain.Orders;

namespace EcomErp.Application.Catalog.ReadModels;

/// <summary>A carrier as the admin sees it; <see cref="Version"/> is what an edit expects to change.</summary>
public sealed record CarrierView(string Code, string Name, IReadOnlyList<ServiceLevel> ServiceLevels, string TrackingUrlTemplate, bool IsActive, int Version)
{
    public static CarrierView From(Carrier carrier) =>
        new(carrier.Code.Value, carrier.Name, carrier.ServiceLevels, carrier.TrackingUrlTemplate, carrier.IsActive, carrier.Version);
}
