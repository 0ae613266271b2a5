namespace EcomErp.Infrastructure.Persistence;

/// <summary>Column limits for values the domain does not bound itself (actor ids and names come from Identity and API clients).</summary>
internal static class PersistenceLimits
{
    public const int ActorIdMaxLength = 128;
    public const int ActorNameMaxLength = 256;
    public const int TimelineActionMaxLength = 64;
}
