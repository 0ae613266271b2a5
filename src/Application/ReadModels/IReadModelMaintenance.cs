namespace EcomErp.Application.ReadModels;

/// <summary>Where the read models stand against the event log.</summary>
public sealed record ProjectionStatus(long NewestSequence, long AppliedSequence)
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
