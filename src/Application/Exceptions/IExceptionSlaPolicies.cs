using EcomErp.Application.Abstractions;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Policies;

namespace EcomErp.Application.Exceptions;

/// <summary>
/// The SLA policy a NEW case of each type is timed by: the ladder's shape comes from code (<see cref="ExceptionSlaPolicies"/>,
/// decision 025), its duration from the governed policy in force (<see cref="PolicyKeys.SlaHours"/>). An open case keeps
/// the ladder it was raised with (<see cref="ExceptionSlaPolicies.TimedBy"/>).
/// </summary>
public interface IExceptionSlaPolicies
{
    Task<ExceptionSlaPolicy> ForAsync(ExceptionType type, CancellationToken cancellationToken);

    /// <summary>
    /// How long after a hold's release a new hold of its type on the same order replaces it, so its case keeps the released
    /// hold's case's clock (<see cref="PolicyKeys.ReplacedHoldWindowHours"/>, decision 070).
    /// </summary>
    Task<TimeSpan> ReplacedHoldWindowAsync(CancellationToken cancellationToken);
}

internal sealed class GovernedExceptionSlaPolicies(IPolicyReader policies) : IExceptionSlaPolicies
{
    public async Task<ExceptionSlaPolicy> ForAsync(ExceptionType type, CancellationToken cancellationToken)
    {
        var inForce = await policies.InForceAsync(PolicyKeys.SlaHours(type), PolicyScope.Global, cancellationToken);
        return inForce.SetBy is { } change
            ? ExceptionSlaPolicies.Ladder(type, TimeSpan.FromHours((double)inForce.Value), change.Number, change.DecidedBy ?? change.ProposedBy)
            : ExceptionSlaPolicies.Ladder(type, TimeSpan.FromHours((double)inForce.Value));
    }

    public async Task<TimeSpan> ReplacedHoldWindowAsync(CancellationToken cancellationToken) =>
        TimeSpan.FromHours((double)await policies.GetAsync(PolicyKeys.ReplacedHoldWindowHours, cancellationToken));
}
