using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog.ListChannels;

/// <summary>The channels a caller may see: <see cref="VisibleChannels"/> is its restriction (normalised codes), null for every channel.</summary>
public sealed record ListChannels(IReadOnlyCollection<string>? VisibleChannels);

internal sealed class ListChannelsHandler(IMasterDataReader masterData) : IQueryHandler<ListChannels, IReadOnlyList<ChannelView>>
{
    public async Task<Result<IReadOnlyList<ChannelView>>> HandleAsync(ListChannels query, CancellationToken cancellationToken)
    {
        var channels = await masterData.ListChannelsAsync(query.VisibleChannels, cancellationToken);
        var locations = await masterData.ListLocationsAsync(cancellationToken);
        return Result<IReadOnlyList<ChannelView>>.Success([.. channels
            .OrderBy(c => c.Code.Value, StringComparer.Ordinal)
            .Select(c => new ChannelView(c.Code.Value, c.Name, c.Kind, c.Currency.Code, c.IsActive, ChannelPolicyView.From(c, locations)))]);
    }
}
