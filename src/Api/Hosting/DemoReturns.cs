using EcomErp.Application.Abstractions;
using EcomErp.Application.Orders.CaptureOrder;
using EcomErp.Application.Returns;
using EcomErp.Application.Returns.RequestReturn;
using EcomErp.Application.Returns.Steps;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;

namespace EcomErp.Api.Hosting;

/// <summary>
/// For the embedded demo only: returns in every state of the returns workflow, so the return pages, the credit notes and the journal
/// have something to show on first start. Two web orders are shipped through <see cref="DemoOrders"/> (a tee order of many cheap
/// units, so several small returns authorise themselves, and a jeans order whose returns are worth enough to wait for a second
/// person); each return is then requested and driven through the real return commands, each step by the role that owns it.
/// Seeded with the orders' first capture only, so a restart adds nothing; a step the demo cannot take is logged and the host
/// still starts.
/// </summary>
internal sealed partial class DemoReturns(IServiceProvider services, DemoOrders orders, ILogger<DemoReturns> logger)
{
    private static readonly Actor CustomerService = DemoOrders.CustomerService;
    private static readonly Actor Operations = DemoOrders.Operations;
    private static readonly Actor OtherOperations = new("user:demo-operations-2", "Demo operations (second)", [Roles.OperationsManager]);
    private static readonly Actor Warehouse = DemoOrders.Warehouse;
    private static readonly Actor Finance = DemoOrders.Finance;

    private const string Location = "WH-BERLIN";
    private const string Supplier = "TEXTIL-PORTO";

    private static CaptureOrder Order(string externalId, string sku, int quantity, decimal price, string customer) =>
        new(Actor.System, "WEB", externalId, ServiceLevel.Standard, new($"{customer.Split(' ')[0].ToLowerInvariant()}@example.com", customer),
            new(customer, "Torstraße 20", null, "Berlin", "10119", "DE"), [new(sku, quantity, new(price, "EUR"))]);

    private static readonly CaptureOrder Tees = Order("DEMO-RET-1", "TEE-CREW-M-BLK", 40, 10m, "Clara Hoffmann");
    private static readonly CaptureOrder Jeans = Order("DEMO-RET-2", "JEANS-SLIM-L-NVY", 8, 89m, "David Klein");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await orders.SeedAsync(Tees, OrderStatus.Shipped, cancellationToken) is { } tees)
        {
            // Authorised at request (10 EUR a unit is below the auto-authorise value), then moved on step by step.
            await DriveAsync(tees, "authorised", [Line(1, ReturnReasons.ChangedMindCode)], [], cancellationToken);
            await DriveAsync(tees, "in transit", [Line(1, ReturnReasons.WrongSizeCode)], [InTransit], cancellationToken);
            await DriveAsync(tees, "cancelled", [Line(1, ReturnReasons.ChangedMindCode)],
                [(r, ct) => SendAsync(new CancelReturn(r, CustomerService, "The customer decided to keep it."), ct)], cancellationToken);
            await DriveAsync(tees, "partly received", [Line(2, ReturnReasons.WrongSizeCode)], [InTransit, Receive(1)], cancellationToken);
            await DriveAsync(tees, "inspected", [Line(2, ReturnReasons.DefectiveCode)], [Receive(2), Inspect(InspectionGrade.Refurbishable, InspectionGrade.Damaged)], cancellationToken);
            // Eight units: one back on the shelf, one to refurbish, six scrapped, more than the five written off without a second person.
            await DriveAsync(tees, "dispositioned, write-off waiting", [Line(8, ReturnReasons.DefectiveCode)],
            [
                Receive(8), Inspect([InspectionGrade.Resellable, InspectionGrade.Refurbishable, .. Enumerable.Repeat(InspectionGrade.Damaged, 6)]),
                Disposition((ReturnDisposition.Restock, 1), (ReturnDisposition.Refurbish, 1), (ReturnDisposition.Scrap, 6)),
            ], cancellationToken);
            await DriveAsync(tees, "refunded", [Line(3, ReturnReasons.WrongSizeCode)],
                [Receive(3), Inspect(InspectionGrade.Resellable, InspectionGrade.Resellable, InspectionGrade.Damaged),
                 Disposition((ReturnDisposition.Restock, 2), (ReturnDisposition.ReturnToVendor, 1)), Refund], cancellationToken);
            await DriveAsync(tees, "closed", [Line(2, ReturnReasons.ChangedMindCode)],
                [Receive(2), Inspect(InspectionGrade.Resellable, InspectionGrade.Resellable), Disposition((ReturnDisposition.Restock, 2)), Refund,
                 (r, ct) => SendAsync(new CloseReturn(r, Finance), ct)], cancellationToken);
            await DriveAsync(tees, "exchange", [Line(1, ReturnReasons.WrongSizeCode) with { ExchangeSku = "TEE-CREW-L-BLK", ExchangeQuantity = 1 }], [], cancellationToken);
        }
        if (await orders.SeedAsync(Jeans, OrderStatus.Shipped, cancellationToken) is { } jeans)
        {
            // Worth more than the auto-authorise value: each waits in Requested for a second person.
            await DriveAsync(jeans, "waiting for approval", [Line(3, ReturnReasons.NotAsDescribedCode)], [], cancellationToken);
            await DriveAsync(jeans, "rejected", [Line(4, ReturnReasons.ChangedMindCode)],
                [(r, ct) => SendAsync(new RejectReturn(r, Operations, "Worn and washed: outside the return conditions."), ct)], cancellationToken);
            await DriveAsync(jeans, "authorised by a second person", [Line(3, ReturnReasons.WrongItemSentCode)],
                [(r, ct) => SendAsync(new AuthorizeReturn(r, OtherOperations), ct)], cancellationToken);
        }
    }

    private delegate Task<Result<ReturnCommandResult>> Step(Guid returnId, CancellationToken cancellationToken);

    private static ReturnLineDraft Line(int units, string reason) => new(1, units, reason, "Seeded by the demo.");

    private Task<Result<ReturnCommandResult>> InTransit(Guid returnId, CancellationToken cancellationToken) =>
        SendAsync(new MarkReturnInTransit(returnId, Warehouse, "JD0146000077001"), cancellationToken);

    private Step Receive(int units) => (r, ct) => SendAsync(new ReceiveReturn(r, Warehouse, Guid.NewGuid(), Location, [new ReturnLineQuantity(1, units)]), ct);

    private Step Inspect(params InspectionGrade[] grades) => (r, ct) => SendAsync(new InspectReturnLines(r, Warehouse, [new ReturnLineGrades(1, grades)]), ct);

    private Step Disposition(params (ReturnDisposition Where, int Units)[] moves) => (r, ct) => SendAsync(
        new DispositionReturnLines(r, Warehouse, [.. moves.Select(m => new ReturnLineDisposition(1, m.Where, m.Units))],
            moves.Any(m => m.Where == ReturnDisposition.ReturnToVendor) ? Supplier : null), ct);

    private Task<Result<ReturnCommandResult>> Refund(Guid returnId, CancellationToken cancellationToken) =>
        SendAsync(new RefundReturn(returnId, Finance), cancellationToken);

    /// <summary>Requests a return of the order's first line and takes <paramref name="steps"/> in turn; the first refusal ends the drive.</summary>
    private async Task DriveAsync(Guid orderId, string state, ReturnLineDraft[] lines, Step[] steps, CancellationToken cancellationToken)
    {
        var requested = await SendAsync(new RequestReturn(CustomerService, orderId, lines), cancellationToken);
        if (requested.IsFailure)
        {
            LogNotReached(logger, state, requested.Error.ToString());
            return;
        }
        foreach (var step in steps)
        {
            if (await step(requested.Value.ReturnId, cancellationToken) is { IsFailure: true } refused)
            {
                LogNotReached(logger, state, refused.Error.ToString());
                return;
            }
        }
        LogSeeded(logger, requested.Value.RmaNumber, state);
    }

    /// <summary>Each step in a scope of its own, so it reads the return as it is now.</summary>
    private async Task<Result<ReturnCommandResult>> SendAsync<TCommand>(TCommand command, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, ReturnCommandResult>>().HandleAsync(command, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo return {RmaNumber} ({State})")]
    private static partial void LogSeeded(ILogger logger, string rmaNumber, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A demo return did not reach its state ({State}): {Error}")]
    private static partial void LogNotReached(ILogger logger, string state, string error);
}
