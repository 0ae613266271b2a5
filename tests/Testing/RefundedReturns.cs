using EcomErp.Application.Returns;
using EcomErp.Application.Returns.RequestReturn;
using EcomErp.Application.Returns.Steps;
using EcomErp.Domain.Returns;

namespace EcomErp.Testing;

/// <summary>A return taken through every step of its workflow to its refund, by the roles that own them: what finance pages need to show.</summary>
public static class RefundedReturns
{
    /// <summary>Asks for every unit of the shipped order's first line back, receives them at <paramref name="location"/>, restocks and refunds them.</summary>
    public static async Task<ReturnCommandResult> RefundAllOfFirstLineAsync(this EcomErpHostFactory host, Guid orderId, int units, string location = "WH-BERLIN")
    {
        var requested = Succeeded(await host.SendAsync<RequestReturn, ReturnCommandResult>(
            new RequestReturn(Actors.CustomerService, orderId, [new ReturnLineDraft(1, units, ReturnReasons.WrongSizeCode)])));
        var id = requested.ReturnId;
        Succeeded(await host.SendAsync<ReceiveReturn, ReturnCommandResult>(new ReceiveReturn(id, Actors.Warehouse, Guid.NewGuid(), location, [new ReturnLineQuantity(1, units)])));
        Succeeded(await host.SendAsync<InspectReturnLines, ReturnCommandResult>(
            new InspectReturnLines(id, Actors.Warehouse, [new ReturnLineGrades(1, [.. Enumerable.Repeat(InspectionGrade.Resellable, units)])])));
        Succeeded(await host.SendAsync<DispositionReturnLines, ReturnCommandResult>(
            new DispositionReturnLines(id, Actors.Warehouse, [new ReturnLineDisposition(1, ReturnDisposition.Restock, units)])));
        return Succeeded(await host.SendAsync<RefundReturn, ReturnCommandResult>(new RefundReturn(id, Actors.Finance)));
    }

    private static ReturnCommandResult Succeeded(Domain.Common.Result<ReturnCommandResult> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"A return step was refused: {string.Join("; ", result.Errors)}");
}
