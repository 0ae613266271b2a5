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
    public static IObservable<T> NewestOnly<T, TSubject>(this IObservable<T> notifications, Func<T, TSubject> subjectOf, Func<T, long> sequenceOf)
        where TSubject : notnull =>
        Observable.Defer(() =>
        {
            var delivered = new Dictionary<TSubject, long>();
            return notifications.Where(notification =>
            {
                var (subject, sequence) = (subjectOf(notification), sequenceOf(notification));
                lock (delivered)
                {
                    if (delivered.TryGetValue(subject, out var newest) && sequence <= newest)
                        return false;
                    delivered[subject] = sequence;
                    return true;
                }
            });
        });
}
