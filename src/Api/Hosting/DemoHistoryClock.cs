using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;

namespace EcomErp.Api.Hosting;

/// <summary>
/// The clock of a demo fact that happened a while ago: the host's own clock, set back by <see cref="Ago"/>. Only the demo seeding
/// composes handlers with it, for the commands it sends on the demo's behalf; every other command, job and page keeps the host's clock.
/// </summary>
internal sealed class DemoHistoryClock(TimeProvider now, TimeSpan ago) : TimeProvider
{
    public TimeSpan Ago { get; } = ago;

    public override DateTimeOffset GetUtcNow() => now.GetUtcNow() - Ago;

    /// <summary>
    /// The host's handler of <typeparamref name="TCommand"/> from <paramref name="services"/>, composed again with this clock. The audit
    /// decorator around it records nothing for the System actor, so the handler it wraps is the one built again.
    /// </summary>
    public ICommandHandler<TCommand, TResult> Compose<TCommand, TResult>(IServiceProvider services)
    {
        var handler = services.GetRequiredService<ICommandHandler<TCommand, TResult>>();
        var own = handler is AuditedCommandHandler<TCommand, TResult> audited ? audited.Inner : handler;
        return (ICommandHandler<TCommand, TResult>)ActivatorUtilities.CreateInstance(services, own.GetType(), this);
    }
}
