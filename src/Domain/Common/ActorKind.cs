namespace EcomErp.Domain.Common;

/// <summary>What kind of actor acts: a signed-in person, an API client with a key, or EcomErp itself.</summary>
public enum ActorKind
{
    Person = 0,
    ApiClient = 1,
    System = 2,
}
