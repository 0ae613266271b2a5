namespace EcomErp.Domain.Orders;

/// <summary>A ship-to as events carry it: plain strings, so the event log's JSON does not depend on <see cref="Address"/>'s shape.</summary>
public sealed record OrderShipToSnapshot(string Name, string Line1, string? Line2, string City, string PostalCode, string Country)
{
    public static OrderShipToSnapshot Of(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new(address.Name, address.Line1, address.Line2, address.City, address.PostalCode, address.Country);
    }
}
