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

    [Fact]
    public void PastItsCapacity_ASubscriptionForgetsTheOlderHalf_AndStillDropsWhatIsResentForAForgottenSubject()
    {
        var delivered = new DeliveredSequences<string>(capacity: 4);
        foreach (var sequence in new long[] { 1, 2, 3, 4, 5 })
            Assert.True(delivered.TryDeliver($"order-{sequence}", sequence));

        // The fifth subject went past the capacity: the three oldest are forgotten, order-3's 3 is the floor.
        Assert.Equal(2, delivered.Remembered);
        Assert.False(delivered.TryDeliver("order-2", 2)); // re-sent after a reconnect, forgotten: still dropped
        Assert.False(delivered.TryDeliver("order-3", 3));
        Assert.False(delivered.TryDeliver("order-4", 4)); // re-sent, remembered
        Assert.True(delivered.TryDeliver("order-1", 6)); // a forgotten subject's newer change
        Assert.True(delivered.TryDeliver("order-6", 7)); // a new subject
    }

    [Fact]
    public void AnAllOrdersSubscription_RemembersAtMostItsCapacity_HoweverManyOrdersItHears()
    {
        var delivered = new DeliveredSequences<Guid>(NewestPerSubject.SubjectsRemembered);
        var orders = Enumerable.Range(1, 3 * NewestPerSubject.SubjectsRemembered).Select(i => (Order: Guid.NewGuid(), Sequence: (long)i)).ToList();

        Assert.All(orders, o => Assert.True(delivered.TryDeliver(o.Order, o.Sequence)));
        Assert.InRange(delivered.Remembered, NewestPerSubject.SubjectsRemembered / 2, NewestPerSubject.SubjectsRemembered);
        Assert.All(orders, o => Assert.False(delivered.TryDeliver(o.Order, o.Sequence))); // each heard once, however long ago
    }
}
