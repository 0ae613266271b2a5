using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Exceptions;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Policies;

namespace EcomErp.Application.Policies.SetPolicy;

/// <summary>
/// An administrator sets a policy value in a scope (global when neither channel nor currency is given), with a reason. A
/// policy that guards money only gets a pending change and an approval case in the Admin queue: a second administrator
/// resolves the case to make it effective (decision 028). Every other policy takes the value at once. An API client's change
/// (a configuration pipeline, say) always waits for an administrator's approval that way, whatever the policy.
/// </summary>
public sealed record SetPolicy(Actor Actor, string Key, string? Channel, string? Currency, decimal Value, string Reason) : IAuditedCommand
{
    // The change the command records is its subject: it names the key, the scope and the value before and after.
    AuditSubject IAuditedCommand.Subject => AuditSubject.Created<PolicyChange>();
}

/// <summary>The policy in the scope after the command (its pending change included) and the change recorded.</summary>
public sealed record SetPolicyResult(PolicyView Policy, PolicyChangeView Change);

internal sealed class SetPolicyHandler(
    IPolicyRepository policies, IExceptionCaseRepository cases, ICatalog catalog, IExceptionSlaPolicies slaPolicies, IUnitOfWork unitOfWork,
    TimeProvider clock, ConcurrencyRetry retry)
    : ICommandHandler<SetPolicy, SetPolicyResult>
{
    public async Task<Result<SetPolicyResult>> HandleAsync(SetPolicy command, CancellationToken cancellationToken)
    {
        if (command.Actor is null || !PolicyChange.MayPropose(command.Actor))
            return new Error(CommonErrors.NotPermitted, "Only an administrator sets policies, or an API client proposes them.");
        if (PolicyKeys.Find(command.Key) is not { } definition)
            return PolicyErrors.UnknownPolicy(command.Key);
        var scope = PolicyScope.Create(command.Channel, command.Currency);
        if (scope.IsFailure)
            return scope.Error;
        if (scope.Value.Channel.Length > 0 && await catalog.FindChannelAsync(ChannelCode.Of(scope.Value.Channel), cancellationToken) is null)
            return new Error(PolicyErrors.ScopeInvalid, $"Channel {scope.Value.Channel} does not exist.", "channel");
        return await retry.RunAsync(ct => AttemptAsync(command, definition, scope.Value, ct), cancellationToken);
    }

    private async Task<Result<SetPolicyResult>> AttemptAsync(SetPolicy command, PolicyDefinition definition, PolicyScope scope, CancellationToken cancellationToken)
    {
        var changes = await policies.ListAsync(definition.Key, cancellationToken);
        if (changes.FirstOrDefault(c => c.IsPending && c.Scope == scope) is { } pending)
            return new Error(PolicyErrors.ChangePending,
                $"{definition.Key} ({scope}) has a change to {pending.Value} by {pending.ProposedBy} waiting for a second administrator; approve or reject it first.", "key");

        var now = clock.GetUtcNow();
        var caseId = ExceptionCaseId.New();
        var number = changes.Where(c => c.Scope == scope).Select(c => c.Number).DefaultIfEmpty().Max() + 1;
        var inForce = definition.InForce(scope, changes).Value;
        var proposed = PolicyChange.Propose(definition, scope, command.Value, command.Reason, inForce, number, caseId, command.Actor, now);
        if (proposed.IsFailure)
            return proposed.Error;
        var change = proposed.Value;
        policies.Add(change);
        if (change.IsPending)
            cases.Add(ExceptionCase.Raise(ExceptionType.PolicyApproval, ExceptionSubject.PolicyChange(change.Id), null, scope.Channel,
                $"{command.Actor.Name} ({command.Actor.Id}) proposes {definition.Key} ({scope}): {inForce} -> {change.Value}. {change.Reason}",
                command.Actor.Id, await slaPolicies.ForAsync(ExceptionType.PolicyApproval, cancellationToken), new PriorityInputs(), now, caseId));
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
            return Result<SetPolicyResult>.Failure(saved.Errors);
        return new SetPolicyResult(PolicyView.Of(definition, scope, [.. changes, change]), PolicyChangeView.From(change));
    }
}
