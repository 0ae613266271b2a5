using GraphQL;
using GraphQL.Types;
using EcomErp.Api.GraphQL.Transport;

namespace EcomErp.Api.Tests.GraphQL.Transport;

/// <summary>A small schema that exercises the transport until the real one exists: data, a mutation, a live stream, failures.</summary>
public sealed class TestSchema : Schema
{
    public TestSchema(IServiceProvider services, TestQuery query, TestMutation mutation, TestSubscription subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}

public sealed class TestQuery : ObjectGraphType
{
    public const string SecretDetail = "connection string Password=hunter2";

    public TestQuery()
    {
        Name = "Query";
        Field<StringGraphType>("hello").Resolve(_ => "world");
        Field<StringGraphType>("echo").Argument<NonNullGraphType<IntGraphType>>("number").Resolve(context => context.GetArgument<int>("number").ToString());
        Field<StringGraphType>("whoAmI").Resolve(context => ((GraphQLUserContext)context.UserContext).User.Identity?.Name ?? "anonymous");
        Field<StringGraphType>("boom").Resolve(_ => throw new InvalidOperationException(SecretDetail));
        Field<StringGraphType>("expected").Resolve(_ => throw new ExecutionError("No order has that id.") { Code = "ORDER_NOT_FOUND" });
        Field<TestNodeType>("node").Resolve(_ => new TestNode());
    }
}

public sealed record TestNode;

/// <summary>Nests without end (depth tests) and lists (complexity tests).</summary>
public sealed class TestNodeType : ObjectGraphType<TestNode>
{
    public TestNodeType()
    {
        Name = "Node";
        Field<StringGraphType>("value").Resolve(_ => "v");
        Field<TestNodeType>("child").Resolve(_ => new TestNode());
        Field<ListGraphType<TestNodeType>>("children").Argument<IntGraphType>("first").Resolve(_ => new[] { new TestNode() });
    }
}

public sealed class TestMutation : ObjectGraphType
{
    public TestMutation(TestCounter counter)
    {
        Name = "Mutation";
        Field<IntGraphType>("increment").Resolve(_ => counter.Increment());
    }
}

public sealed class TestSubscription : ObjectGraphType
{
    public TestSubscription(TestEventSource events)
    {
        Name = "Subscription";
        Field<StringGraphType>("events").ResolveStream(_ => events);
    }
}

public sealed class TestCounter
{
    private int value;

    public int Value => Volatile.Read(ref value);

    public int Increment() => Interlocked.Increment(ref value);
}

/// <summary>The subscription's source: tests publish into it and see who listens.</summary>
public sealed class TestEventSource : IObservable<string>
{
    private readonly Lock gate = new();
    private readonly List<IObserver<string>> observers = [];
    private TaskCompletionSource subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int SubscriberCount
    {
        get
        {
            lock (gate)
            {
                return observers.Count;
            }
        }
    }

    public IDisposable Subscribe(IObserver<string> observer)
    {
        lock (gate)
        {
            observers.Add(observer);
            subscribed.TrySetResult();
        }

        return new Unsubscriber(this, observer);
    }

    /// <summary>Completes once someone subscribes (at once if someone already has).</summary>
    public Task WaitForSubscriberAsync() => subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10));

    public void Publish(string value) => ForEach(observer => observer.OnNext(value));

    public void Complete() => ForEach(observer => observer.OnCompleted());

    private void ForEach(Action<IObserver<string>> action)
    {
        IObserver<string>[] current;
        lock (gate)
        {
            current = [.. observers];
        }

        foreach (var observer in current)
        {
            action(observer);
        }
    }

    private sealed class Unsubscriber(TestEventSource source, IObserver<string> observer) : IDisposable
    {
        public void Dispose()
        {
            lock (source.gate)
            {
                source.observers.Remove(observer);
                if (source.observers.Count == 0)
                {
                    source.subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
    }
}
