using EcomErp.Domain.Common;

namespace EcomErp.Application.Access;

/// <summary>
/// Four eyes that sees through API keys: a key answers to the person who issued it, who saw its secret and can act as it, so
/// a decision by that person on the key's request, or by the key on that person's request, is one person's word. Keys issued
/// by the system (the demo's, a seed's) answer for themselves. The domain's guards compare actor ids; the decisions that take
/// a second party (exception cases, stock adjustments, the holds that need four eyes) ask this as well.
/// </summary>
public sealed class FourEyes(IApiClientRepository clients)
{
    /// <summary>True when <paramref name="actor"/> and the actor <paramref name="otherId"/> are one party: the same id, or one person and a key they issued, or two keys one person issued.</summary>
    public async Task<bool> AreOnePartyAsync(Actor actor, string otherId, CancellationToken cancellationToken) =>
        actor.Id == otherId || await PartyOfAsync(actor.Id, cancellationToken) == await PartyOfAsync(otherId, cancellationToken);

    private async Task<string> PartyOfAsync(string actorId, CancellationToken cancellationToken) =>
        actorId.StartsWith(Actor.ApiClientIdPrefix, StringComparison.Ordinal)
        && Guid.TryParse(actorId.AsSpan(Actor.ApiClientIdPrefix.Length), out var clientId)
        && await clients.FindAsync(clientId, cancellationToken) is { } client
        && client.CreatedBy.StartsWith(Actor.PersonIdPrefix, StringComparison.Ordinal)
            ? client.CreatedBy
            : actorId;
}
