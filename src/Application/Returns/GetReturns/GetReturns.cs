using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Returns.GetReturns;

/// <summary>Many returns by id at once (node resolution); an unknown id, or a return outside the caller's channels, is left out.</summary>
public sealed record GetReturns(IReadOnlyCollection<Guid> ReturnIds, Actor Actor);

/// <summary>
/// One read-model read for every id (a cache read, then the read table for the misses); only returns the projection has not
/// reached yet are read from the write table, in one read (decision 041).
/// </summary>
internal sealed class GetReturnsHandler(IReturnReadModels readModels, IReturnRepository returns) : IQueryHandler<GetReturns, IReadOnlyDictionary<Guid, ReturnView>>
{
    public async Task<Result<IReadOnlyDictionary<Guid, ReturnView>>> HandleAsync(GetReturns query, CancellationToken cancellationToken) =>
        Result<IReadOnlyDictionary<Guid, ReturnView>>.Success(await FindAsync(readModels, returns, query.ReturnIds, query.Actor, cancellationToken));

    /// <summary>
    /// The one lookup of returns by id, for <see cref="GetReturn.GetReturnHandler"/> too; a read-model view older than
    /// <paramref name="seenVersion"/> counts as not projected yet.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<Guid, ReturnView>> FindAsync(
        IReturnReadModels readModels, IReturnRepository returns, IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken,
        int? seenVersion = null)
    {
        var views = new Dictionary<Guid, ReturnView>(await readModels.GetManyAsync(ids, cancellationToken));
        var unprojected = ids.Where(id => !views.TryGetValue(id, out var view) || view.Version < seenVersion).Distinct().ToList();
        if (unprojected.Count > 0)
        {
            foreach (var returned in await returns.GetManyAsync(unprojected, cancellationToken))
                views[returned.Id] = ReturnView.From(returned);
        }
        return views.Where(v => actor.MayAccessChannel(v.Value.Channel)).ToDictionary();
    }
}
