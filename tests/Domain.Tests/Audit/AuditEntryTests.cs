using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Audit;

public sealed class AuditEntryTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ARefusal_KeepsEachErrorCodeOnce_AndNoChanges()
    {
        var entry = AuditEntry.Refused("CancelOrder", Actors.Finance, AuditSubject.Of<Order>(Guid.Empty),
            [new Error(CommonErrors.NotPermitted, "No."), new Error(CommonErrors.NotPermitted, "Still no."), new Error(CommonErrors.Conflict, "Moved on.")], At);

        Assert.Equal((AuditOutcome.Refused, "Order"), (entry.Outcome, entry.SubjectKind));
        Assert.Equal([CommonErrors.NotPermitted, CommonErrors.Conflict], entry.ErrorCodes);
        Assert.Empty(entry.Changes);
    }

    [Fact]
    public void AnEntry_KeepsWhoActedAndInWhichRoles_ClippingWhatComesFromOutsideToItsColumns()
    {
        var actor = new Actor($"{Actor.PersonIdPrefix}{new string('x', 300)}", new string('n', 300), [Roles.Finance, Roles.Planner]);

        var entry = AuditEntry.Succeeded("SetChannelPolicy", actor, AuditSubject.Of<Order>(new string('s', 300)), [], At);

        Assert.Equal((AuditEntry.ActorIdMaxLength, AuditEntry.ActorNameMaxLength, AuditSubject.IdMaxLength),
            (entry.ActorId.Length, entry.ActorName.Length, entry.SubjectId!.Length));
        Assert.Equal((ActorKind.Person, At), (entry.ActorKind, entry.RecordedAt));
        Assert.Equal([Roles.Finance, Roles.Planner], entry.ActorRoles);
    }

    [Fact]
    public void ASubject_NamedByCode_IsTrimmedAndUpperCased_AsCodesAreStored_AndABalanceJoinsItsTwoCodes()
    {
        Assert.Equal(new AuditSubject("Order", "WEB"), AuditSubject.Of<Order>(" web "));
        Assert.Equal(new AuditSubject("Order", "TEE-M/WH-BERLIN"), AuditSubject.Of<Order>("tee-m", " wh-berlin"));
        Assert.Equal(new AuditSubject("Order", null), AuditSubject.Created<Order>());
    }
}
