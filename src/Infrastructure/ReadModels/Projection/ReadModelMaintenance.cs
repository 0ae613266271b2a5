using EcomErp.Application.ReadModels;

namespace EcomErp.Infrastructure.ReadModels.Projection;

internal sealed class ReadModelMaintenance(ProjectionLagProbe probe, ReadModelRebuilder rebuilder) : IReadModelMaintenance
{
    public async Task<ProjectionStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var reading = await probe.ReadAsync(cancellationToken);
        return new ProjectionStatus(reading.NewestSequence, reading.AppliedSequence, rebuilder.IsRunning);
    }

    public Task<int> RebuildAsync(CancellationToken cancellationToken) => rebuilder.RebuildAsync(cancellationToken);
}
