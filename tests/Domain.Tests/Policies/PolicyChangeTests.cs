using System.Globalization;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Policies;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Policies;

public sealed class PolicyChangeTests
{
    private const string FraudScore = "orders.fraud-score-threshold";
    private const string HighValue = "orders.high-value-threshold";

    private static readonly Actor OtherAdmin = Actors.Person("user:abe", "Abe (admin)", Roles.Admin);

    public static TheoryData<string> PeopleOtherThanAdmin() =>
        new[] { Actors.Warehouse, Actors.Finance, Actors.Operations, Actors.CustomerService, Actors.Planner, Actors.Executive }
            .Select(a => a.Id).ToTheoryData();

    private static Result<PolicyChange> Propose(string key, decimal value, Actor? actor = null, PolicyScope? scope = null, string reason = "Peak season.") =>
        PolicyChange.Propose(PolicyKeys.Find(key)!, scope ?? PolicyScope.Global, value, reason, PolicyKeys.Find(key)!.Default, 2, ExceptionCaseId.New(),
            actor ?? Actors.Admin, Clock.Now);

    private static PolicyChange PendingHighValue(decimal value = 5_000m) => Propose(HighValue, value, scope: new PolicyScope("WEB", "EUR")).Value;

    [Fact]
    public void Catalog_HasTheFraudAndHighValueThresholdsWithTheirDefaults()
    {
        Assert.Equal((60m, 2_500m), (PolicyKeys.Find(FraudScore)!.Default, PolicyKeys.Find(HighValue)!.Default));
        Assert.Null(PolicyKeys.Find("orders.unknown"));
    }

    [Fact]
    public void Catalog_MarksTheHighValueAdjustmentAndReturnApprovalThresholdsAsGuardingMoney_AndNothingElse()
    {
        // The adjustment approval period with its threshold: a shorter period lets as many units through unchecked (decision 071).
        Assert.Equal([HighValue, PolicyKeys.AdjustmentApprovalThreshold.Key, PolicyKeys.AdjustmentApprovalPeriodHours.Key, PolicyKeys.ReturnAutoAuthorizeBelow.Key, PolicyKeys.ReturnWriteOffApprovalUnits.Key],
            PolicyKeys.All.Where(p => p.GuardsMoney).Select(p => p.Key));
    }

    [Fact]
    public void Catalog_HasOneGlobalSlaHoursPolicyPerExceptionType_DefaultingToTheCodeLadder()
    {
        Assert.All(Enum.GetValues<ExceptionType>(), type =>
        {
            var definition = PolicyKeys.SlaHours(type);
            Assert.Equal(((decimal)ExceptionSlaPolicies.DefaultFor(type).Sla.TotalHours, 0.25m, 720m, PolicyScoping.Global, false),
                (definition.Default, definition.Min, definition.Max, definition.Scoping, definition.GuardsMoney));
        });
        Assert.Equal(4m, PolicyKeys.Find("exceptions.sla-hours.fraud-review")!.Default);
        Assert.Equal(Enum.GetValues<ExceptionType>().Length, PolicyKeys.All.Count(p => p.Key.StartsWith("exceptions.sla-hours.", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(721)]
    public void SlaHours_OutsideAQuarterHourTo30Days_IsRefused(double hours)
    {
        var refused = PolicyChange.Propose(PolicyKeys.SlaHours(ExceptionType.FraudReview), PolicyScope.Global, (decimal)hours, "Faster.", 4m, 1,
            ExceptionCaseId.New(), Actors.Admin, Clock.Now);

        ResultAssert.FailsWith(refused, PolicyErrors.ValueOutOfRange);
    }

    [Theory]
    [InlineData(FraudScore, 0)]
    [InlineData(FraudScore, 100)]
    [InlineData(HighValue, 0)]
    [InlineData(HighValue, 100_000_000)]
    public void Propose_WithinTheRangeOfItsKey_RecordsValueFromWhatWhoWhenAndWhy(string key, int value)
    {
        var change = Propose(key, value).Value;

        Assert.Equal((key, (decimal)value, PolicyKeys.Find(key)!.Default, Actors.Admin.Id, Clock.Now, "Peak season.", 2),
            (change.Key, change.Value, change.PreviousValue, change.ProposedBy, change.ProposedAt, change.Reason, change.Number));
    }

    [Fact]
    public void Propose_OfAPolicyThatDoesNotGuardMoney_IsEffectiveAtOnceWithoutACase()
    {
        var change = Propose(FraudScore, 75m).Value;

        Assert.Equal((PolicyChangeStatus.Effective, (DateTimeOffset?)Clock.Now, (Guid?)null), (change.Status, change.EffectiveFrom, change.CaseId));
    }

    [Fact]
    public void Propose_ByAnApiClient_OfAnyPolicy_IsOnlyAProposal_PendingInItsApprovalCase()
    {
        var connector = new Actor("api-client:config-pipeline", "Config pipeline", [Roles.OperationsManager]);

        var change = Propose(FraudScore, 75m, connector).Value;

        Assert.Equal((PolicyChangeStatus.Pending, (DateTimeOffset?)null, "api-client:config-pipeline"), (change.Status, change.EffectiveFrom, change.ProposedBy));
        Assert.NotNull(change.CaseId);
        ResultAssert.FailsWith(change.Approve(PolicyKeys.Find(FraudScore)!, 60m, "Mine.", connector, Clock.Now), CommonErrors.NotPermitted);
        Assert.True(change.Approve(PolicyKeys.Find(FraudScore)!, 60m, "Agreed.", OtherAdmin, Clock.Now).IsSuccess);
    }

    [Fact]
    public void Propose_OfAMoneyThreshold_IsPendingInItsApprovalCase_AndNotYetEffective()
    {
        var caseId = ExceptionCaseId.New();
        var change = PolicyChange.Propose(PolicyKeys.HighValueThreshold, new PolicyScope("WEB", "EUR"), 5_000m, "Peak season.", 2_500m, 1, caseId, Actors.Admin, Clock.Now).Value;

        Assert.Equal((PolicyChangeStatus.Pending, (DateTimeOffset?)null, (Guid?)caseId.Value), (change.Status, change.EffectiveFrom, change.CaseId));
    }

    [Theory]
    [InlineData(FraudScore, -1)]
    [InlineData(FraudScore, 100.01)]
    [InlineData(HighValue, -0.01)]
    [InlineData(HighValue, 100_000_000.01)]
    public void Propose_OutsideTheRangeOfItsKey_IsRefusedOnTheValueField(string key, double value)
    {
        var error = ResultAssert.FailsWith(Propose(key, (decimal)value), "POLICY_VALUE_OUT_OF_RANGE", "value");

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void Catalog_TakesMoneyPercentsAndHoursAsTheyAre_TheReasonSwitchesAsFlags_AndEveryOtherPolicyAsAWholeNumber()
    {
        Assert.Equal([HighValue, PolicyKeys.ReceiptOverTolerancePercent.Key, PolicyKeys.ReceiptUnderTolerancePercent.Key, .. PolicyKeys.SlaHoursPolicies.Select(p => p.Key),
                PolicyKeys.ReplacedHoldWindowHours.Key, PolicyKeys.ReturnShippingFee.Key, PolicyKeys.ReturnAutoAuthorizeBelow.Key],
            PolicyKeys.All.Where(p => p.Kind == PolicyValueKind.Decimal).Select(p => p.Key));
        Assert.Equal(PolicyKeys.ReturnReasonAcceptedPolicies.Select(p => p.Key), PolicyKeys.All.Where(p => p.Kind == PolicyValueKind.Flag).Select(p => p.Key));
        Assert.All(PolicyKeys.All.Where(p => p.Kind != PolicyValueKind.Decimal), p => Assert.Equal(decimal.Truncate(p.Default), p.Default));
    }

    [Theory]
    [InlineData("returns.window-days", 30.5)]
    [InlineData("returns.restocking-fee-basis-points", 250.5)]
    [InlineData("returns.write-off-approval-units", 5.5)]
    [InlineData("returns.abnormal.window-days", 14.01)]
    [InlineData("returns.abnormal.customer-min-returned-units", 3.5)]
    [InlineData("inventory.adjustment-approval-threshold", 50.5)]
    [InlineData("inventory.adjustment-approval-period-hours", 24.5)]
    [InlineData(FraudScore, 60.5)]
    public void Propose_AFractionOfAPolicyThatCountsWholeThings_IsRefusedOnTheValueField_NamingTheKeyAndWhatItTakes(string key, double value)
    {
        var definition = PolicyKeys.Find(key)!;

        var error = ResultAssert.FailsWith(Propose(key, (decimal)value), PolicyErrors.ValueNotWhole, "value");

        Assert.Equal($"{key} must be a whole number between {definition.Min} and {definition.Max}.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(721)]
    public void AdjustmentApprovalPeriod_OutsideAnHourTo30Days_IsRefusedOnTheValueField(int hours)
    {
        var error = ResultAssert.FailsWith(Propose("inventory.adjustment-approval-period-hours", hours), PolicyErrors.ValueOutOfRange, "value");

        Assert.Equal("inventory.adjustment-approval-period-hours must be between 1 and 720.", error.Message);
    }

    [Fact]
    public void AdjustmentApprovalPeriod_IsOneGlobalWholeNumberOfHours_ADayByDefault_BesideTheThreshold()
    {
        var period = PolicyKeys.Find("inventory.adjustment-approval-period-hours")!;

        Assert.Equal((24m, 1m, 720m, PolicyScoping.Global, PolicyValueKind.WholeNumber, true),
            (period.Default, period.Min, period.Max, period.Scoping, period.Kind, period.GuardsMoney));
        ResultAssert.FailsWith(Propose(period.Key, 48m, scope: new PolicyScope("WEB", "")), "POLICY_SCOPE_INVALID", "scope");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void Propose_AFractionOfAFlag_IsRefused_ItTakesOneOrZero(double value)
    {
        var flag = PolicyKeys.ReturnReasonAcceptedPolicies[0];

        var error = ResultAssert.FailsWith(Propose(flag.Key, (decimal)value), PolicyErrors.ValueNotWhole, "value");

        Assert.Equal($"{flag.Key} must be 1 (yes) or 0 (no).", error.Message);
    }

    [Theory]
    [InlineData("returns.window-days", "45.0")]
    [InlineData("returns.reason-accepted.changed-mind", "0")]
    [InlineData("returns.reason-accepted.changed-mind", "1.00")]
    [InlineData("inventory.receipt-over-tolerance-percent", "2.5")]
    [InlineData("exceptions.sla-hours.fraud-review", "0.25")]
    public void Propose_AWholeNumberWrittenWithZeroDecimals_OrAFractionOfAPolicyThatTakesOne_IsAccepted(string key, string value)
    {
        var number = decimal.Parse(value, CultureInfo.InvariantCulture);

        var change = Propose(key, number);

        ResultAssert.Succeeded(change);
        Assert.Equal(number, change.Value.Value);
    }

    [Theory]
    [InlineData(FraudScore, "WEB", "EUR", "currencyCode")]
    [InlineData("inventory.adjustment-approval-threshold", "WEB", "", "scope")]
    [InlineData("inventory.adjustment-approval-threshold", "", "EUR", "scope")]
    [InlineData(HighValue, "WEB", "", "currencyCode")]
    public void Propose_InAScopeThePolicyDoesNotHave_IsRefused(string key, string channel, string currency, string field)
    {
        ResultAssert.FailsWith(Propose(key, 10m, scope: new PolicyScope(channel, currency)), "POLICY_SCOPE_INVALID", field);
    }

    [Fact]
    public void Propose_AnAmountWithMoreDecimalsThanItsCurrency_IsRefusedOnTheValueField()
    {
        ResultAssert.FailsWith(Propose(HighValue, 10_000.5m, scope: new PolicyScope("", "JPY")), CommonErrors.MoneyPrecision, "value");
    }

    [Theory]
    [InlineData("", "POLICY_REASON_REQUIRED")]
    [InlineData("   ", "POLICY_REASON_REQUIRED")]
    [InlineData("bad\u202Ereason", "TEXT_BIDI_OVERRIDE")]
    public void Propose_WithoutAReadableReason_IsRefusedOnTheReasonField(string reason, string code)
    {
        ResultAssert.FailsWith(Propose(FraudScore, 70m, reason: reason), code, "reason");
    }

    [Theory]
    [MemberData(nameof(PeopleOtherThanAdmin))]
    public void Propose_ByAnyoneButAnAdmin_IsNotPermitted(string actorId)
    {
        ResultAssert.FailsWith(Propose(FraudScore, 80m, Actors.ById(actorId)), CommonErrors.NotPermitted);
    }

    [Fact]
    public void Approve_ByASecondAdministrator_MakesItEffectiveNowFromTheValueInForce()
    {
        var change = PendingHighValue();
        var later = Clock.Now.AddHours(3);

        ResultAssert.Succeeded(change.Approve(PolicyKeys.Find(HighValue)!, 3_000m, "Agreed with finance.", OtherAdmin, later));

        Assert.Equal((PolicyChangeStatus.Effective, (DateTimeOffset?)later, 3_000m, OtherAdmin.Id, "Agreed with finance."),
            (change.Status, change.EffectiveFrom, change.PreviousValue, change.DecidedBy, change.DecisionNote));
    }

    [Fact]
    public void Approve_ByWhoeverProposedIt_IsRefusedAndItStaysPending()
    {
        var change = PendingHighValue();

        ResultAssert.FailsWith(change.Approve(PolicyKeys.Find(HighValue)!, 2_500m, "Mine.", Actors.Admin, Clock.Now), "POLICY_SELF_APPROVAL");

        Assert.Equal(PolicyChangeStatus.Pending, change.Status);
    }

    [Fact]
    public void Approve_OfAValueThePolicysRulesNoLongerTake_IsRefused_AndItStaysPendingForARejection()
    {
        // Proposed while the policy still took fractions; its rules have since tightened to whole units.
        var units = PolicyKeys.ReturnWriteOffApprovalUnits;
        var change = PolicyChange.Propose(units with { Kind = PolicyValueKind.Decimal }, new PolicyScope("WEB", ""), 5.5m, "Peak season.", units.Default, 2,
            ExceptionCaseId.New(), Actors.Admin, Clock.Now).Value;

        ResultAssert.FailsWith(change.Approve(units, units.Default, "Agreed.", OtherAdmin, Clock.Now), PolicyErrors.ValueNotWhole, "value");

        Assert.Equal(PolicyChangeStatus.Pending, change.Status);
        ResultAssert.Succeeded(change.Reject("No longer a whole number of units.", OtherAdmin, Clock.Now));
    }

    [Theory]
    [MemberData(nameof(PeopleOtherThanAdmin))]
    public void Approve_ByAnyoneButAnAdmin_IsNotPermitted(string actorId)
    {
        var change = PendingHighValue();

        ResultAssert.FailsWith(change.Approve(PolicyKeys.Find(HighValue)!, 2_500m, "ok", Actors.ById(actorId), Clock.Now), CommonErrors.NotPermitted);

        Assert.Equal(PolicyChangeStatus.Pending, change.Status);
    }

    [Fact]
    public void Reject_DiscardsIt_AndADecidedChangeTakesNoFurtherDecision()
    {
        var change = PendingHighValue();

        ResultAssert.Succeeded(change.Reject("Too high.", OtherAdmin, Clock.Now));

        Assert.Equal((PolicyChangeStatus.Rejected, (DateTimeOffset?)null), (change.Status, change.EffectiveFrom));
        ResultAssert.FailsWith(change.Approve(PolicyKeys.Find(HighValue)!, 2_500m, "ok", OtherAdmin, Clock.Now), "POLICY_CHANGE_DECIDED");
    }

    [Fact]
    public void InForce_TakesTheLatestEffectiveChangeOfTheMostSpecificScope_IgnoringPendingOnes()
    {
        var definition = PolicyKeys.HighValueThreshold;
        var webEur = new PolicyScope("WEB", "EUR");
        PolicyChange[] changes =
        [
            PolicyChange.FirstVersion(definition, PolicyScope.Global, 4_000m, "seed", Actor.SystemId, Clock.Now),
            PolicyChange.FirstVersion(definition, new PolicyScope("", "EUR"), 3_000m, "seed", Actor.SystemId, Clock.Now),
            PendingHighValue(9_000m),
        ];

        Assert.Equal((3_000m, 3_000m, 4_000m), (definition.InForce(webEur, changes).Value, definition.InForce(new PolicyScope("MKT", "EUR"), changes).Value,
            definition.InForce(new PolicyScope("WEB", "GBP"), changes).Value));
        Assert.True(definition.InForce(webEur, []).IsDefault);
    }
}
