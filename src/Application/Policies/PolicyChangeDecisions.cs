using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Policies;

namespace EcomErp.Application.Policies;

/// <summary>
/// What deciding a policy approval case does to the pending change behind it: approving makes it effective at that moment,
/// from the value in force until then; rejecting (or dismissing the case) discards it. Used by the case commands, so a
/// change is decided the way every case is, in the same unit of work as the case (decision 028).
/// </summary>
public sealed class PolicyChangeDecisions(IPolicyRepository policies)
{
    public async Task<Result> DecideAsync(ExceptionCase approvalCase, bool approve, string note, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var change = await policies.GetAsync(approvalCase.Subject.Id, cancellationToken);
        if (change is null || PolicyKeys.Find(change.Key) is not { } definition)
            throw new InvalidOperationException($"Exception case {approvalCase.Id} is about policy change {approvalCase.Subject.Id}, which does not exist.");
        if (!approve)
            return change.Reject(note, actor, now);
        var others = (await policies.ListAsync(change.Key, cancellationToken)).Where(c => c.Id != change.Id);
        return change.Approve(definition, definition.InForce(change.Scope, others).Value, note, actor, now);
    }
}
