using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;

namespace EcomErp.Domain.Tests.Exceptions;

public sealed class ExceptionQueueVisibilityTests
{
    [Fact]
    public void VisibleTo_TheQueueRoles_IsTheirOwnQueuesOnly()
    {
        var visible = ExceptionQueues.VisibleTo([Roles.Finance, Roles.CustomerService])!;

        Assert.Equal([Roles.CustomerService, Roles.Finance], visible.Order(StringComparer.Ordinal));
        Assert.Contains(ExceptionQueues.OwnerOf(ExceptionType.HighValueApproval), visible);
        Assert.DoesNotContain(ExceptionQueues.OwnerOf(ExceptionType.FraudReview), visible);
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Executive)]
    public void VisibleTo_AdminOrExecutive_IsEveryQueue(string role) => Assert.Null(ExceptionQueues.VisibleTo([Roles.Planner, role]));

    [Fact]
    public void VisibleTo_NoRole_IsNoQueue() => Assert.Empty(ExceptionQueues.VisibleTo([])!);
}
