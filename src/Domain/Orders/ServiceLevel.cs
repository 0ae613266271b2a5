namespace EcomErp.Domain.Orders;

public enum ServiceLevel
{
    Standard = 0,
    Express = 1,
    NextDay = 2,
}
