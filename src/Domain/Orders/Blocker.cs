namespace EcomErp.Domain.Orders;

/// <summary>
/// Why an order cannot take its next step. <paramref name="HoldType"/> names the hold: the open one for
/// <see cref="BlockerCode.OnHold"/>, the one validation would place for an unmet criterion that is a data problem.
/// </summary>
public sealed record Blocker(BlockerCode Code, string Message, HoldType? HoldType = null);
