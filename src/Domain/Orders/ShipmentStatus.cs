namespace EcomErp.Domain.Orders;

public enum ShipmentStatus
{
    /// <summary>Units are reserved for it at its location; it is picked and packed with the order.</summary>
    Open = 0,

    /// <summary>The carrier took it; its reservations were consumed.</summary>
    Shipped = 1,

    /// <summary>Closed without leaving (order cancelled, or every unit short-picked); its reservations were given back or written off.</summary>
    Cancelled = 2,
}
