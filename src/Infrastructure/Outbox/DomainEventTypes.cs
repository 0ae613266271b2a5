using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcomErp.Domain.Common;

namespace EcomErp.Infrastructure.Outbox;

/// <summary>
/// Maps the stable event-type names stored in the outbox to the domain's event classes and back. The name
/// is the class name: renaming an event class is a breaking change for the event log.
/// </summary>
public static class DomainEventTypes
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly FrozenDictionary<string, Type> TypesByName = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<Type> All => TypesByName.Values;

    public static string NameOf(Type eventType) =>
        TypesByName.TryGetValue(eventType.Name, out var known) && known == eventType
            ? eventType.Name
            : throw new InvalidOperationException($"{eventType.FullName} is not a domain event of the domain assembly.");

    public static Type TypeOf(string name) =>
        TypesByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"'{name}' is not a known domain event type.");

    public static string Serialize(IDomainEvent domainEvent) => JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), JsonOptions);

    public static IDomainEvent Deserialize(string name, string payload) =>
        (IDomainEvent)(JsonSerializer.Deserialize(payload, TypeOf(name), JsonOptions)
            ?? throw new InvalidOperationException($"The {name} payload is empty."));
}
