using EcomErp.Application.Access;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;

namespace EcomErp.Application.Returns;

/// <summary>
/// Four eyes on a return's approvals through API keys (<see cref="FourEyes"/>): the return compares actor ids, so a key its
/// requester issued, or the person who issued the requesting key, would otherwise authorise the return or approve the
/// write-off as a second person. Asked after the step's own guard, by the return's pages, the API and its approval case alike.
/// </summary>
internal static class ReturnFourEyes
{
    public static async Task<Error?> CheckAsync(Return returned, ReturnStep step, Actor actor, FourEyes fourEyes, CancellationToken cancellationToken)
    {
        var writeOff = step == ReturnStep.ApproveWriteOff;
        var requester = writeOff ? returned.WriteOffRequestedBy : step == ReturnStep.Authorize ? returned.RequestedBy : null;
        return requester is not null && requester != actor.Id && returned.CheckCan(step, actor) is null
            && await fourEyes.AreOnePartyAsync(actor, requester, cancellationToken)
            ? ReturnErrors.SelfApproval(returned.RmaNumber, writeOff)
            : null;
    }
}
