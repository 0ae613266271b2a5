using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Returns.Kpis;
using EcomErp.Application.Returns.Kpis.GetReturnKpis;
using EcomErp.Domain.Access;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Returns;

/// <summary>
/// The return KPIs through their query handler (decision 044). Closed to partner keys: the figures count every SKU's shipped
/// units, which are the business's sales volumes, so the partner rule refuses the field before it runs.
/// </summary>
public static class ReturnKpiQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ReturnKpisType>>("returnKpis")
            .Description($"Return cycle times and return rates over whole UTC days, both ends included (at most 366). Needs the '{ApiScopes.ReturnsRead}' scope; "
                + "not open to partner keys.")
            .Argument<NonNullGraphType<DateOnlyGraphType>>("from", "The window's first day (UTC).")
            .Argument<NonNullGraphType<DateOnlyGraphType>>("to", "The window's last day (UTC), included.")
            .Argument<StringGraphType>("channel", "One channel's figures; every channel's when not given.")
            .Argument<IntGraphType>("topCustomers", $"How many customers byCustomer ranks, 0 to {ReturnKpiErrors.MaxTopCustomers}.",
                a => a.DefaultValue = GetReturnKpis.DefaultTopCustomers)
            .Argument<IntGraphType>("customerMinShippedUnits", "Units a customer must have been sent in the window to be ranked in byCustomer.",
                a => a.DefaultValue = GetReturnKpis.DefaultCustomerMinShippedUnits)
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.ReturnsRead);
                return context.ValueOrThrow(await context.QueryAsync<GetReturnKpis, ReturnKpis>(new GetReturnKpis(
                    context.GetArgument<DateOnly>("from"), context.GetArgument<DateOnly>("to"), context.GetArgument<string?>("channel"), caller.Actor(),
                    context.GetArgument<int?>("topCustomers") ?? GetReturnKpis.DefaultTopCustomers,
                    context.GetArgument<int?>("customerMinShippedUnits") ?? GetReturnKpis.DefaultCustomerMinShippedUnits)));
            });
    }
}

public sealed class ReturnKpisType : ObjectGraphType<ReturnKpis>
{
    public ReturnKpisType()
    {
        Name = "ReturnKpis";
        Description = "Return KPIs of a window of days. Definitions: a disposition cycle runs from a return's first received unit to its last disposition and "
            + "counts for the day it ended; requested-to-refunded likewise for the refund's day; a return rate is units on live returns (neither rejected nor "
            + "cancelled) requested on the window's days divided by units shipped on them.";
        Field<NonNullGraphType<DateOnlyGraphType>>("from").Description("The window's first day.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<DateOnlyGraphType>>("to").Description("The window's last day, included.").Resolve(c => c.Source.To);
        Field<StringGraphType>("channel").Description("The channel counted; null for every channel the caller may see.").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<ReturnCycleTimesType>>("dispositionCycle").Description("Received → dispositioned, for the returns dispositioned in the window.")
            .Resolve(c => c.Source.DispositionCycle);
        Field<NonNullGraphType<ReturnCycleTimesType>>("requestToRefund").Description("Requested → refunded, for the returns refunded in the window.")
            .Resolve(c => c.Source.RequestToRefund);
        Field<NonNullGraphType<IntGraphType>>("unitsShipped").Description("Units shipped in the window.").Resolve(c => c.Source.UnitsShipped);
        Field<NonNullGraphType<IntGraphType>>("unitsReturned").Description("Units on live returns requested in the window.").Resolve(c => c.Source.UnitsReturned);
        Field<FloatGraphType>("returnRate").Description("unitsReturned / unitsShipped to four decimals; null when nothing shipped.").Resolve(c => c.Source.ReturnRate);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkuReturnRateType>>>>("bySku")
            .Description("Per SKU shipped or returned in the window, highest rate first.").Resolve(c => c.Source.BySku);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReasonReturnRateType>>>>("byReason")
            .Description("Per return reason, most units first; each rate is over every unit shipped in the window.").Resolve(c => c.Source.ByReason);
        Field<ListGraphType<NonNullGraphType<CustomerReturnRateType>>>("byCustomer")
            .Description($"The topCustomers customers with the highest rate among those sent at least customerMinShippedUnits units in the window (ties: more units "
                + $"returned, then e-mail). Customers are e-mails, personal data: it also needs the '{ApiScopes.OrdersRead}' scope, under which orders show them "
                + "(null with FORBIDDEN otherwise).")
            .Resolve(c =>
            {
                c.RequireScope(ApiScopes.OrdersRead);
                return c.Source.ByCustomer;
            });
    }
}

public sealed class ReturnCycleTimesType : ObjectGraphType<CycleTimes>
{
    public ReturnCycleTimesType()
    {
        Name = "ReturnCycleTimes";
        Description = "How long the counted returns took, in hours; the percentiles are nearest-rank, so each is a real return's time. Null figures when none counted.";
        Field<NonNullGraphType<IntGraphType>>("count").Description("Returns counted.").Resolve(c => c.Source.Count);
        Field<FloatGraphType>("averageHours").Description("The mean, to two decimals.").Resolve(c => c.Source.AverageHours);
        Field<FloatGraphType>("p50Hours").Description("The median (50th percentile).").Resolve(c => c.Source.P50Hours);
        Field<FloatGraphType>("p90Hours").Description("The 90th percentile.").Resolve(c => c.Source.P90Hours);
    }
}

public sealed class SkuReturnRateType : ObjectGraphType<SkuReturnRate>
{
    public SkuReturnRateType()
    {
        Name = "SkuReturnRate";
        Description = "One SKU's units shipped and returned in the window.";
        Field<NonNullGraphType<StringGraphType>>("sku").Description("The SKU code.").Resolve(c => c.Source.Sku);
        Field<NonNullGraphType<IntGraphType>>("unitsShipped").Description("Units shipped in the window.").Resolve(c => c.Source.UnitsShipped);
        Field<NonNullGraphType<IntGraphType>>("unitsReturned").Description("Units on live returns requested in the window.").Resolve(c => c.Source.UnitsReturned);
        Field<FloatGraphType>("returnRate").Description("unitsReturned / unitsShipped; null when none shipped in the window.").Resolve(c => c.Source.ReturnRate);
    }
}

public sealed class CustomerReturnRateType : ObjectGraphType<CustomerReturnRate>
{
    public CustomerReturnRateType()
    {
        Name = "CustomerReturnRate";
        Description = "One customer's units shipped and returned in the window.";
        Field<NonNullGraphType<StringGraphType>>("customerEmail").Description("The customer's e-mail, lower case, as its orders hold it.").Resolve(c => c.Source.CustomerEmail);
        Field<NonNullGraphType<IntGraphType>>("unitsShipped").Description("Units shipped to the customer in the window.").Resolve(c => c.Source.UnitsShipped);
        Field<NonNullGraphType<IntGraphType>>("unitsReturned").Description("Units on the customer's live returns requested in the window.").Resolve(c => c.Source.UnitsReturned);
        Field<FloatGraphType>("returnRate").Description("unitsReturned / unitsShipped to four decimals.").Resolve(c => c.Source.ReturnRate);
    }
}

public sealed class ReasonReturnRateType : ObjectGraphType<ReasonReturnRate>
{
    public ReasonReturnRateType()
    {
        Name = "ReasonReturnRate";
        Description = "Units returned for one reason in the window.";
        Field<NonNullGraphType<StringGraphType>>("reasonCode").Description("The return reason, for example WRONG_SIZE.").Resolve(c => c.Source.ReasonCode);
        Field<NonNullGraphType<IntGraphType>>("unitsReturned").Description("Units on live returns requested in the window for this reason.").Resolve(c => c.Source.UnitsReturned);
        Field<FloatGraphType>("returnRate").Description("unitsReturned / every unit shipped in the window; null when none shipped.").Resolve(c => c.Source.ReturnRate);
    }
}
