using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog.ListLocations;

/// <summary>
/// The locations a caller may see: every one for an unrestricted caller (<see cref="VisibleChannels"/> null), else those
/// its channels may ship from, primary (as resolved today) or alternate.
/// </summary>
public sealed record ListLocations(IReadOnlyCollection<string>? VisibleChannels);

internal sealed class ListLocationsHandler(IMasterDataReader masterData) : IQueryHandler<ListLocations, IReadOnlyList<LocationView>>
{
    public async Task<Result<IReadOnlyList<LocationView>>> HandleAsync(ListLocations query, CancellationToken cancellationToken)
    {
        var locations = await masterData.ListLocationsAsync(cancellationToken);
        var visible = locations.AsEnumerable();
        if (query.VisibleChannels is not null)
        {
            var channels = await masterData.ListChannelsAsync(query.VisibleChannels, cancellationToken);
            var eligible = channels.SelectMany(c => c.Policy.EligibleAmong(locations).Concat(c.Policy.AlternateLocations)).ToHashSet();
            visible = visible.Where(l => eligible.Contains(l.Code));
        }
        return Result<IReadOnlyList<LocationView>>.Success([.. visible.OrderBy(l => l.Code.Value, StringComparer.Ordinal).Select(LocationView.From)]);
    }
}
