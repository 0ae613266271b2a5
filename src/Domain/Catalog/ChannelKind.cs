namespace EcomErp.Domain.Catalog;

/// <summary>How a channel sells: to consumers from our own shop, through a marketplace, to trade customers, or in stores.</summary>
public enum ChannelKind
{
    DirectToConsumer = 0,
    Marketplace = 1,
    Wholesale = 2,
    Retail = 3,
}
