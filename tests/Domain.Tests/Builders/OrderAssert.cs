using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;

namespace EcomErp.Domain.Tests.Builders;

public static class OrderAssert
{
    /// <summary>
    /// Runs a command that must be refused: asserts it fails with exactly this code (and field, when given)
    /// and that the order is as it was (status, version, events, timeline, holds, lines).
    /// </summary>
    public static Error Refuses(Order order, Func<Result> command, string code, string? field = null)
    {
        var before = OrderSnapshot.Of(order);

        var error = ResultAssert.FailsWith(command(), code, field);

        Assert.Equal(before, OrderSnapshot.Of(order));
        return error;
    }
}
