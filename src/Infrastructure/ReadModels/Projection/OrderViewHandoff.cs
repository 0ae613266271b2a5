using EcomErp.Application.Orders.ReadModels;

namespace EcomErp.Infrastructure.ReadModels.Projection;

/// <summary>
/// The views of the orders a save has just committed, built by the unit of work from the aggregates it saved, kept for this
/// process's order projection (decision 074): a batch whose newest event of an order carries the version a view was built at
/// takes that view instead of reading the order back. Whatever is not here (a save in another process, a view dropped, a version
/// that does not match) is read from the tables as before, so the handoff only ever saves a read.
/// </summary>
public sealed class OrderViewHandoff(TimeProvider clock)
{
    /// <summary>Views kept at most; an offer that would pass it drops them all (each is read instead).</summary>
    internal const int Capacity = 2048;

    /// <summary>
    /// How long after the projection last ran here saves still build views: longer than the every-minute safety run, so a process
    /// that runs the projection keeps taking them while it idles, and one that only ran it once (an admin's rebuild on a node
    /// without the job server) soon stops building views nobody takes.
    /// </summary>
    internal static readonly TimeSpan ConsumedFor = TimeSpan.FromMinutes(2);

    private readonly Dictionary<Guid, OrderView> _views = [];
    private readonly Lock _gate = new();
    private long _epoch;
    private long _lastRunTicks;

    /// <summary>True while this process's order projection has run within <see cref="ConsumedFor"/>; otherwise nothing is built or kept.</summary>
    public bool IsConsumed => clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastRunTicks) < ConsumedFor.Ticks;

    /// <summary>Called by the order projection of this process with every batch it projects.</summary>
    internal void ConsumeHere() => Interlocked.Exchange(ref _lastRunTicks, clock.GetUtcNow().UtcTicks);

    /// <summary>
    /// Changes whenever a kept view may have gone stale (<see cref="Invalidate"/>). A save reads it before it writes and offers its
    /// views only if it is unchanged after the commit, so a view built from a state another save changed meanwhile is never kept.
    /// A save that invalidates offers nothing.
    /// </summary>
    public long Epoch
    {
        get
        {
            lock (_gate)
                return _epoch;
        }
    }

    /// <summary>Keeps the views of a committed save (their <see cref="OrderView.Version"/> is the aggregate's after it), unless the epoch moved.</summary>
    public void Offer(IReadOnlyList<OrderView> views, long epochBeforeTheSave)
    {
        if (views.Count == 0)
            return;
        lock (_gate)
        {
            if (_epoch != epochBeforeTheSave)
                return;
            if (_views.Count + views.Count > Capacity)
                _views.Clear();
            foreach (var view in views)
            {
                // Only committed saves offer, and two commits cannot reach one version (it is the concurrency token): an older view never replaces a newer one.
                if (!_views.TryGetValue(view.Id, out var kept) || kept.Version <= view.Version)
                    _views[view.Id] = view;
            }
        }
    }

    /// <summary>
    /// The orders changed by a save that did not count a version (or whose order could not be told, <paramref name="orderIds"/> null: all
    /// of them): their views are dropped, and saves in flight do not offer theirs. Returns the new epoch.
    /// </summary>
    public long Invalidate(IReadOnlyCollection<Guid>? orderIds)
    {
        lock (_gate)
        {
            if (orderIds is null)
                _views.Clear();
            else
                foreach (var id in orderIds)
                    _views.Remove(id);
            return ++_epoch;
        }
    }

    /// <summary>
    /// The views kept at exactly the versions asked for (the newest event of each order in a batch), removed; views of those orders
    /// at an older version are dropped too (the projection is past them), newer ones stay for a later batch.
    /// </summary>
    public Dictionary<Guid, OrderView> Take(IReadOnlyDictionary<Guid, int> versions)
    {
        var taken = new Dictionary<Guid, OrderView>();
        lock (_gate)
        {
            if (_views.Count == 0)
                return taken;
            foreach (var (id, version) in versions)
            {
                if (!_views.TryGetValue(id, out var view) || view.Version > version)
                    continue;
                _views.Remove(id);
                if (view.Version == version)
                    taken[id] = view;
            }
        }
        return taken;
    }

    /// <summary>How many views are kept (for tests and diagnostics).</summary>
    internal int Count
    {
        get
        {
            lock (_gate)
                return _views.Count;
        }
    }
}
