namespace EcomErp.Application.ReadModels;

/// <summary>
/// Where the read models stand against the event log. While <paramref name="Rebuilding"/>, the applied sequence climbs
/// from 0 towards the newest one batch by batch: that is the rebuild's progress.
/// </summary>
public sealed record ProjectionStatus(long NewestSequence, long AppliedSequence, bool Rebuilding = false)
{
    public long Lag => Math.Max(0, NewestSequence - AppliedSequence);
}

/// <summary>Operations on the read side for the people who run EcomErp: watch the projection lag, rebuild.</summary>
public interface IReadModelMaintenance
{
    Task<ProjectionStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>Drops every read model and re-projects the whole outbox; returns the events re-applied.</summary>
    Task<int> RebuildAsync(CancellationToken cancellationToken);
}
