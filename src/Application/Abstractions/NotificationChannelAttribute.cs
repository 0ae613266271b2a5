namespace EcomErp.Application.Abstractions;

/// <summary>
/// The name a notification type travels under between nodes (the Redis channel). Declared once on the type, so a new
/// notification needs no change in the transports; a name in use must not change, or nodes of a rolling deploy stop
/// hearing each other.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotificationChannelAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
