using EcomErp.Domain.Common;
using EcomErp.Domain.Policies;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Policies;

public sealed class PolicyValueTests
{
    private const string FraudScore = "orders.fraud-score-threshold";
    private const string HighValue = "orders.high-value-threshold";

    public static TheoryData<string> PeopleOtherThanAdmin() =>
        new[] { Actors.Warehouse, Actors.Finance, Actors.Operations, Actors.CustomerService, Actors.Planner, Actors.Executive }
            .Select(a => a.Id).ToTheoryData();

    private static PolicyValue FraudScoreOf(decimal value) => PolicyValue.Create(FraudScore, value, Actors.Admin, Clock.CapturedAt).Value;

    [Fact]
    public void Catalog_HasTheFraudAndHighValueThresholdsWithTheirDefaults()
    {
        Assert.Equal((60m, 2_500m), (PolicyKeys.Find(FraudScore)!.Default, PolicyKeys.Find(HighValue)!.Default));
        Assert.Null(PolicyKeys.Find("orders.unknown"));
    }

    [Theory]
    [InlineData(FraudScore, 0)]
    [InlineData(FraudScore, 100)]
    [InlineData(HighValue, 0)]
    [InlineData(HighValue, 100_000_000)]
    public void Create_WithinTheRangeOfItsKey_RecordsValueWhoAndWhen(string key, int value)
    {
        var policy = PolicyValue.Create(key, value, Actors.Admin, Clock.Now).Value;

        Assert.Equal((key, (decimal)value, Actors.Admin.Id, Clock.Now), (policy.Key, policy.Value, policy.UpdatedBy, policy.UpdatedAt));
    }

    [Theory]
    [InlineData(FraudScore, -1)]
    [InlineData(FraudScore, 100.01)]
    [InlineData(HighValue, -0.01)]
    [InlineData(HighValue, 100_000_000.01)]
    public void Create_OutsideTheRangeOfItsKey_IsRefusedOnTheValueField(string key, double value)
    {
        var error = ResultAssert.FailsWith(PolicyValue.Create(key, (decimal)value, Actors.Admin, Clock.Now), "POLICY_VALUE_OUT_OF_RANGE", "value");

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void Create_ForAnUnknownKey_IsRefusedOnTheKeyField()
    {
        ResultAssert.FailsWith(PolicyValue.Create("orders.nonsense", 1m, Actors.Admin, Clock.Now), "POLICY_UNKNOWN_KEY", "key");
    }

    [Fact]
    public void Create_ByAPersonWhoIsNotAnAdmin_IsNotPermitted()
    {
        ResultAssert.FailsWith(PolicyValue.Create(FraudScore, 80m, Actors.Warehouse, Clock.Now), CommonErrors.NotPermitted);
    }

    [Fact]
    public void Change_ByAnAdmin_UpdatesValueWhoAndWhen()
    {
        var policy = FraudScoreOf(60m);

        ResultAssert.Succeeded(policy.Change(75m, Actors.Admin, Clock.Now));

        Assert.Equal((75m, Actors.Admin.Id, Clock.Now), (policy.Value, policy.UpdatedBy, policy.UpdatedAt));
    }

    [Theory]
    [MemberData(nameof(PeopleOtherThanAdmin))]
    public void Change_ByAnyoneButAnAdmin_IsNotPermittedAndKeepsTheValue(string actorId)
    {
        var policy = FraudScoreOf(60m);

        ResultAssert.FailsWith(policy.Change(75m, Actors.ById(actorId), Clock.Now), CommonErrors.NotPermitted);

        Assert.Equal((60m, Actors.Admin.Id, Clock.CapturedAt), (policy.Value, policy.UpdatedBy, policy.UpdatedAt));
    }

    [Fact]
    public void Change_OutsideTheRange_IsRefusedAndKeepsTheValue()
    {
        var policy = FraudScoreOf(60m);

        ResultAssert.FailsWith(policy.Change(101m, Actors.Admin, Clock.Now), "POLICY_VALUE_OUT_OF_RANGE", "value");

        Assert.Equal(60m, policy.Value);
    }
}
