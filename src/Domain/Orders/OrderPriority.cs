namespace EcomErp.Domain.Orders;

public enum OrderPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}
