using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Exceptions;

/// <summary>What is known of a case's subject that makes it more or less urgent; null where the subject has no such thing.</summary>
public sealed record PriorityInputs(Money? OrderValue = null, ServiceLevel? ServiceLevel = null, ChannelKind? ChannelKind = null, OrderPriority? OrderPriority = null);
