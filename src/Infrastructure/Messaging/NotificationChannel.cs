using System.Reflection;
using EcomErp.Application.Abstractions;

namespace EcomErp.Infrastructure.Messaging;

/// <summary>
/// The channel of <typeparamref name="T"/>, read once from its <see cref="NotificationChannelAttribute"/>. Both
/// transports ask for it, so a type without one fails on the in-process bus too, not first in production over Redis.
/// </summary>
internal static class NotificationChannel<T>
{
    public static string Name { get; } = typeof(T).GetCustomAttribute<NotificationChannelAttribute>()?.Name
        ?? throw new InvalidOperationException($"{typeof(T).Name} is published on the notification bus without a [{nameof(NotificationChannelAttribute)}].");
}
