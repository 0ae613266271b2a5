namespace EcomErp.Api.GraphQL.Common;

/// <summary>Passes on the bus notifications that match, as a subscription's stream; unsubscribing stops them at once.</summary>
public sealed class FilteredObservable<T>(IObservable<T> source, Func<T, bool> matches) : IObservable<object?>
{
    public IDisposable Subscribe(IObserver<object?> observer) => source.Subscribe(new Filter(observer, matches));

    private sealed class Filter(IObserver<object?> target, Func<T, bool> matches) : IObserver<T>
    {
        public void OnCompleted() => target.OnCompleted();

        public void OnError(Exception error) => target.OnError(error);

        public void OnNext(T value)
        {
            if (matches(value))
                target.OnNext(value);
        }
    }
}
