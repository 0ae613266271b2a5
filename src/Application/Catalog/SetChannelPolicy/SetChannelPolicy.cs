using EcomErp.Application.Abstractions;
using EcomErp.Application.Audit;
using EcomErp.Application.Inventory;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using FluentValidation;

namespace EcomErp.Application.Catalog.SetChannelPolicy;

/// <summary>
/// Replaces a channel's allocation policy. <see cref="ExpectedVersion"/>, when given, is the version the editor
/// saw: a policy changed since then is a conflict, not silently overwritten.
/// </summary>
public sealed record SetChannelPolicy(
    Actor Actor, string Channel, IReadOnlyList<string> EligibleLocations, IReadOnlyList<string> AlternateLocations, bool SplitAllowed,
    bool BackorderAllowed, bool SubstitutionAllowed, IReadOnlyList<string> RuleOrder, int? StockSharePercent, int? StockCapPerSku,
    OrderPriority? SafetyStockDrawFrom, int ShipBySlaHours, int? ExpectedVersion = null) : IAuditedCommand
{
    AuditSubject IAuditedCommand.Subject => AuditSubject.Of<Channel>(Channel);
}

internal sealed class SetChannelPolicyHandler(IChannelRepository channels, IUnitOfWork unitOfWork, IValidator<SetChannelPolicy> validator,
    TimeProvider clock) : ICommandHandler<SetChannelPolicy, ChannelPolicyView>
{
    public async Task<Result<ChannelPolicyView>> HandleAsync(SetChannelPolicy command, CancellationToken cancellationToken)
    {
        var valid = await validator.CheckAsync(command, cancellationToken);
        if (valid.IsFailure)
            return Result<ChannelPolicyView>.Failure(valid.Errors);
        var code = ChannelCode.Of(command.Channel);
        var channel = await channels.GetAsync(code, cancellationToken);
        if (channel is null)
            return ChannelPolicyErrors.ChannelNotFound(code);
        if (command.ExpectedVersion is { } expected && expected != channel.Version)
            return CommonErrors.StaleVersion($"Channel {code}'s policy", channel.Version, expected);
        var locations = await channels.ListLocationsAsync(cancellationToken);
        var policy = ChannelPolicy.Create(Draft(command), locations.ToDictionary(l => l.Code));
        if (policy.IsFailure)
            return Result<ChannelPolicyView>.Failure(policy.Errors);
        var set = channel.SetPolicy(policy.Value, command.Actor, clock.GetUtcNow());
        if (set.IsFailure)
            return Result<ChannelPolicyView>.Failure(set.Errors);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? ChannelPolicyView.From(channel, locations) : Result<ChannelPolicyView>.Failure(saved.Errors);
    }

    private static ChannelPolicyDraft Draft(SetChannelPolicy command) => new(
        [.. command.EligibleLocations.Select(LocationCode.Of)], [.. command.AlternateLocations.Select(LocationCode.Of)], command.SplitAllowed,
        command.BackorderAllowed, command.SubstitutionAllowed, command.RuleOrder, command.StockSharePercent, command.StockCapPerSku,
        command.SafetyStockDrawFrom, command.ShipBySlaHours);
}

/// <summary>The shape of the input; the rules that need the known locations belong to <see cref="ChannelPolicy.Create"/>.</summary>
internal sealed class SetChannelPolicyValidator : AbstractValidator<SetChannelPolicy>
{
    public SetChannelPolicyValidator()
    {
        RuleFor(c => c.Actor).IsActor();
        RuleFor(c => c.Channel).Satisfies(v => ChannelCode.Create(v));
        RuleFor(c => c.EligibleLocations).NotNull().WithErrorCode(ChannelPolicyErrors.NoEligibleLocationsCode)
            .WithMessage("At least one eligible location is required.");
        RuleForEach(c => c.EligibleLocations).IsLocation();
        RuleFor(c => c.AlternateLocations).NotNull().WithErrorCode(CommonErrors.ValidationFailed).WithMessage("A list (possibly empty) is required.");
        RuleForEach(c => c.AlternateLocations).IsLocation();
        RuleFor(c => c.RuleOrder).NotNull().WithErrorCode(ChannelPolicyErrors.RuleOrderEmptyCode).WithMessage("At least one allocation rule is required.");
        RuleFor(c => c.SafetyStockDrawFrom).IsInEnum().WithErrorCode(CommonErrors.ValidationFailed);
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithErrorCode(CommonErrors.ValidationFailed);
    }
}
