using EcomErp.Application.Abstractions;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Catalog.GetChannelPolicy;

public sealed record GetChannelPolicy(string Channel);

internal sealed class GetChannelPolicyHandler(ICatalog catalog, IChannelRepository channels) : IQueryHandler<GetChannelPolicy, ChannelPolicyView>
{
    public async Task<Result<ChannelPolicyView>> HandleAsync(GetChannelPolicy query, CancellationToken cancellationToken)
    {
        var code = ChannelCode.Create(query.Channel);
        if (code.IsFailure)
            return Result<ChannelPolicyView>.Failure(code.Errors.Select(e => e.WithField("channel")).ToList());
        var channel = await catalog.FindChannelAsync(code.Value, cancellationToken);
        if (channel is null)
            return ChannelPolicyErrors.ChannelNotFound(code.Value);
        return ChannelPolicyView.From(channel, await channels.ListLocationsAsync(cancellationToken));
    }
}
