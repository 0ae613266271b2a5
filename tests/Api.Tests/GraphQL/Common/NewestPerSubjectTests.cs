using System.Reactive.Subjects;
using EcomErp.Api.GraphQL.Common;

namespace EcomErp.Api.Tests.GraphQL.Common;

/// <summary>A notification the relay published again reaches a subscription once (decision 053).</summary>
public class NewestPerSubjectTests
{
    [Fact]
    public void ASequenceAtOrBelowTheLastDelivered_IsDropped_PerSubjectAndPerSubscription()
    {
        using var bus = new Subject<(string Subject, long Sequence)>();
        var newest = bus.NewestOnly(n => n.Subject, n => n.Sequence);
        var first = new List<(string, long)>();
        var second = new List<(string, long)>();
        using var a = newest.Subscribe(first.Add);

        bus.OnNext(("order-1", 5));
        bus.OnNext(("order-1", 5));
        bus.OnNext(("order-2", 3));
        using var b = newest.Subscribe(second.Add);
        bus.OnNext(("order-1", 4));
        bus.OnNext(("order-1", 7));
        bus.OnNext(("order-2", 3));

        Assert.Equal([("order-1", 5), ("order-2", 3), ("order-1", 7)], first);
        // A later subscription keeps its own record: it hears order-1's 4, which the first one had passed.
        Assert.Equal([("order-1", 4), ("order-1", 7), ("order-2", 3)], second);
    }
}
