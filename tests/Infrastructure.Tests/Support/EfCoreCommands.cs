using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcomErp.Infrastructure.Tests.Support;

/// <summary>The text of every command EF Core runs while this lives (EF Core's diagnostic events), for one context or one database file.</summary>
internal sealed class EfCoreCommands : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly Func<CommandExecutedEventData, bool> _counts;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentQueue<string> _texts = new();

    /// <summary>The commands of <paramref name="context"/>.</summary>
    public EfCoreCommands(DbContext context)
        : this(executed => ReferenceEquals(executed.Context, context))
    {
    }

    /// <summary>The commands of every context whose connection names <paramref name="directory"/> (a test host's own files).</summary>
    public EfCoreCommands(string directory)
        : this(executed => executed.Connection.ConnectionString.Contains(directory, StringComparison.Ordinal))
    {
    }

    private EfCoreCommands(Func<CommandExecutedEventData, bool> counts)
    {
        _counts = counts;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public IReadOnlyCollection<string> Texts => _texts;

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_subscriptions)
                _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandExecutedEventData executed && _counts(executed))
            _texts.Enqueue(executed.Command.CommandText);
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        lock (_subscriptions)
            _subscriptions.ForEach(s => s.Dispose());
    }
}
