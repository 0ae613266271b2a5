using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Exceptions;

public sealed class ExceptionPriorityTests
{
    private static readonly DateTimeOffset Now = Clock.Now;

    private static Money Eur(decimal amount) => Money.FromAmount(amount, Currency.Of("EUR")).Value;

    private static int Points(PriorityScore score, PriorityFactorKind factor) => score.Factors.Single(f => f.Kind == factor).Points;

    [Fact]
    public void Score_IsTheSumOfItsFactors_EachShownWithWhy()
    {
        var score = ExceptionPriority.Score(new PriorityInputs(Eur(1_250m), ServiceLevel.Express, ChannelKind.Marketplace, OrderPriority.High), Now.AddHours(3), Now);

        Assert.Equal(
            [(PriorityFactorKind.OrderValue, 12), (PriorityFactorKind.SlaTimeLeft, 20), (PriorityFactorKind.ServiceLevel, 10),
             (PriorityFactorKind.Channel, 10), (PriorityFactorKind.OrderPriority, 10)],
            score.Factors.Select(f => (f.Kind, f.Points)));
        Assert.Equal(62, score.Value);
        Assert.All(score.Factors, f => Assert.False(string.IsNullOrWhiteSpace(f.Explanation)));
        Assert.Equal("3 h left of the SLA", score.Factors[1].Explanation);
    }

    [Fact]
    public void Score_OfTheSameInputsAtTheSameInstant_IsTheSame()
    {
        var inputs = new PriorityInputs(Eur(480m), ServiceLevel.NextDay, ChannelKind.Wholesale, OrderPriority.Urgent);

        Assert.Equal(ExceptionPriority.Score(inputs, Now.AddHours(5), Now).Factors, ExceptionPriority.Score(inputs, Now.AddHours(5), Now).Factors);
    }

    [Theory]
    [InlineData(99.99, 0)]
    [InlineData(100, 1)]
    [InlineData(2_999, 29)]
    [InlineData(1_000_000, ExceptionPriority.OrderValueMaxPoints)]
    public void OrderValue_GivesOnePointPerFullHundred_Capped(decimal amount, int points) =>
        Assert.Equal(points, Points(ExceptionPriority.Score(new PriorityInputs(Eur(amount)), Now.AddDays(2), Now), PriorityFactorKind.OrderValue));

    [Theory]
    [InlineData(48 * 60, 0)]
    [InlineData(24 * 60, 10)]
    [InlineData(4 * 60, 20)]
    [InlineData(60, 30)]
    [InlineData(0, 40)]
    [InlineData(-90, 40)]
    public void SlaTimeLeft_RanksACaseHigherAsItsDueTimeComes(int minutesLeft, int points) =>
        Assert.Equal(points, Points(ExceptionPriority.Score(new PriorityInputs(), Now.AddMinutes(minutesLeft), Now), PriorityFactorKind.SlaTimeLeft));

    [Theory]
    [InlineData(ServiceLevel.Standard, 0)]
    [InlineData(ServiceLevel.Express, 10)]
    [InlineData(ServiceLevel.NextDay, 15)]
    public void ServiceLevel_RanksFasterDeliveryHigher(ServiceLevel level, int points) =>
        Assert.Equal(points, Points(ExceptionPriority.Score(new PriorityInputs(ServiceLevel: level), Now.AddDays(2), Now), PriorityFactorKind.ServiceLevel));

    [Theory]
    [InlineData(ChannelKind.DirectToConsumer, 0)]
    [InlineData(ChannelKind.Retail, 0)]
    [InlineData(ChannelKind.Wholesale, 5)]
    [InlineData(ChannelKind.Marketplace, 10)]
    public void Channel_RanksMarketplacesAndWholesaleHigher(ChannelKind kind, int points) =>
        Assert.Equal(points, Points(ExceptionPriority.Score(new PriorityInputs(ChannelKind: kind), Now.AddDays(2), Now), PriorityFactorKind.Channel));

    [Theory]
    [InlineData(OrderPriority.Low, 0)]
    [InlineData(OrderPriority.Normal, 0)]
    [InlineData(OrderPriority.High, 10)]
    [InlineData(OrderPriority.Urgent, 15)]
    public void OrderPriority_StandsInForTheCustomerTier(OrderPriority priority, int points) =>
        Assert.Equal(points, Points(ExceptionPriority.Score(new PriorityInputs(OrderPriority: priority), Now.AddDays(2), Now), PriorityFactorKind.OrderPriority));

    [Fact]
    public void ASubjectWithoutAnOrder_IsScoredOnItsSlaAlone()
    {
        var score = ExceptionPriority.Score(new PriorityInputs(), Now.AddMinutes(30), Now);

        Assert.Equal((PriorityFactorKind.SlaTimeLeft, 30), (Assert.Single(score.Factors).Kind, score.Value));
    }

    [Fact]
    public void Refresh_TakesOnlyTheSlaFactorAgain()
    {
        var score = ExceptionPriority.Score(new PriorityInputs(Eur(500m), ServiceLevel.NextDay), Now.AddHours(30), Now);

        var later = ExceptionPriority.Refresh(score, Now.AddHours(30), null, Now.AddHours(31));

        Assert.Equal((5 + 0 + 15, 5 + 40 + 15), (score.Value, later.Value));
        Assert.Equal(score.Factors.Where(f => f.Kind != PriorityFactorKind.SlaTimeLeft), later.Factors.Where(f => f.Kind != PriorityFactorKind.SlaTimeLeft));
    }

    [Fact]
    public void TimeLeft_CountsDownToTheOrdersShipBy_WhenItComesBeforeTheSla()
    {
        var score = ExceptionPriority.Score(new PriorityInputs(ShipBy: Now.AddMinutes(30)), Now.AddHours(8), Now);

        var factor = Assert.Single(score.Factors);
        Assert.Equal((PriorityFactorKind.SlaTimeLeft, 30, "0.5 h left to the order's ship-by (before the SLA)"), (factor.Kind, factor.Points, factor.Explanation));
    }

    [Fact]
    public void TimeLeft_OfAnOrderPastItsShipBy_IsOverdueThoughTheCaseIsNot()
    {
        var factor = Assert.Single(ExceptionPriority.Score(new PriorityInputs(ShipBy: Now.AddHours(-2)), Now.AddHours(8), Now).Factors);

        Assert.Equal((40, "ship-by passed 2 h ago"), (factor.Points, factor.Explanation));
    }

    [Fact]
    public void TimeLeft_KeepsTheSla_WhenShipByComesLater()
    {
        var withShipBy = ExceptionPriority.Score(new PriorityInputs(ShipBy: Now.AddHours(30)), Now.AddHours(3), Now);

        Assert.Equal(ExceptionPriority.Score(new PriorityInputs(), Now.AddHours(3), Now).Factors, withShipBy.Factors);
    }

    [Fact]
    public void Refresh_CountsDownToShipBy_WhenItComesFirst()
    {
        var score = ExceptionPriority.Score(new PriorityInputs(ShipBy: Now.AddHours(10)), Now.AddHours(30), Now);

        var later = ExceptionPriority.Refresh(score, Now.AddHours(30), Now.AddHours(10), Now.AddHours(9.5));

        Assert.Equal((10, 30), (score.Value, later.Value));
    }
}
