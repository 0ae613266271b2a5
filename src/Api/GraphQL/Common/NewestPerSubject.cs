using System.Reactive.Linq;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>
/// A subscription hears each change once. The notification relay publishes again what the bus may already have taken
/// before it reported a failure (decision 053), so each subscription keeps the newest sequence it delivered per subject
/// (an order, a SKU, a case) and drops a notification whose sequence is not newer. Per subscription and per subject:
/// the relay keeps sequence order per subject, not across the subjects of one batch.
/// </summary>
internal static class NewestPerSubject
{
    /// <summary>
    /// How many subjects one subscription remembers. Twice the largest projection batch (<c>EcomErp:ReadModels:ProjectionBatchSize</c>,
    /// at most 5,000), whose notifications the relay publishes together: the only disorder across subjects is within one batch.
    /// </summary>
    public const int SubjectsRemembered = 10_000;

    public static IObservable<T> NewestOnly<T, TSubject>(this IObservable<T> notifications, Func<T, TSubject> subjectOf, Func<T, long> sequenceOf)
        where TSubject : notnull =>
        Observable.Defer(() =>
        {
            var delivered = new DeliveredSequences<TSubject>(SubjectsRemembered);
            return notifications.Where(notification => delivered.TryDeliver(subjectOf(notification), sequenceOf(notification)));
        });
}

/// <summary>
/// The newest sequence delivered per subject, for at most <paramref name="capacity"/> subjects. An all-orders subscription
/// hears a new subject with every order: past the capacity it forgets the older half (by sequence) and keeps the newest
/// sequence among them as a floor. A subject it no longer remembers is then delivered only above the floor, so a
/// notification re-sent after the relay reconnects is still dropped; a genuine one is refused only if it arrives behind
/// the changes of more than half the capacity of other subjects, which the relay's order (per batch) rules out.
/// </summary>
internal sealed class DeliveredSequences<TSubject>(int capacity) where TSubject : notnull
{
    private readonly Dictionary<TSubject, long> _newest = new();
    private long _floor = long.MinValue;

    public int Remembered
    {
        get
        {
            lock (_newest)
                return _newest.Count;
        }
    }

    /// <summary>Whether the notification is newer than what was delivered for its subject; if so it counts as delivered.</summary>
    public bool TryDeliver(TSubject subject, long sequence)
    {
        lock (_newest)
        {
            if (_newest.TryGetValue(subject, out var newest) ? sequence <= newest : sequence <= _floor)
                return false;
            _newest[subject] = sequence;
            if (_newest.Count > capacity)
                ForgetTheOlderHalf();
            return true;
        }
    }

    private void ForgetTheOlderHalf()
    {
        var byAge = _newest.OrderBy(entry => entry.Value).Take(_newest.Count - capacity / 2).ToList();
        foreach (var (subject, sequence) in byAge)
        {
            _newest.Remove(subject);
            _floor = Math.Max(_floor, sequence);
        }
    }
}
