using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Exceptions;

/// <summary>
/// What is known of a case's subject that makes it more or less urgent; null where the subject has no such thing.
/// <paramref name="ShipBy"/> is an order's ship-by deadline: the SLA factor counts down to it when it comes before the case's due time.
/// </summary>
public sealed record PriorityInputs(
    Money? OrderValue = null, ServiceLevel? ServiceLevel = null, ChannelKind? ChannelKind = null, OrderPriority? OrderPriority = null,
    DateTimeOffset? ShipBy = null);
