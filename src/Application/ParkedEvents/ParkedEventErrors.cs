using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;

namespace EcomErp.Application.ParkedEvents;

/// <summary>Expected failures of retrying and skipping parked outbox events (decision 050).</summary>
public static class ParkedEventErrors
{
    [ErrorDescription("There is no parked event of this id.")]
    public const string NotFoundCode = "PARKED_EVENT_NOT_FOUND";
    [ErrorDescription("The event is not parked: it is held behind another event, or was delivered or skipped already; only a parked event is retried or skipped.")]
    public const string NotParkedCode = "PARKED_EVENT_NOT_PARKED";
    [ErrorDescription("A retried parked event failed again in its consumer; it stays parked with one more attempt counted, and the events behind it stay held.")]
    public const string StillFailingCode = "PARKED_EVENT_STILL_FAILING";
    [ErrorDescription("Skipping a parked event needs a reason of 1 to 500 readable characters: it is the note that closes the event's INTEGRATION_FAILURE case.")]
    public const string ReasonRequiredCode = "PARKED_EVENT_REASON_REQUIRED";

    public static Error NotFound(Guid id) => new(NotFoundCode, $"There is no parked event {id}.", "id");

    public static Error NotParked(Guid id, ParkedEventStatus status) =>
        new(NotParkedCode, $"The event {id} is {status.ToString().ToLowerInvariant()}, not parked: only a parked event is retried or skipped.", "id");

    /// <summary>The reason trimmed, held to the rules of the case note it becomes; or why not.</summary>
    public static Result<string> CheckReason(string? reason)
    {
        var note = ExceptionCaseErrors.CheckNote(reason, "reason");
        return note.IsSuccess || note.Error.Code != ExceptionCaseErrors.NoteRequiredCode
            ? note
            : new Error(ReasonRequiredCode, $"Say why the event is skipped: a reason of 1 to {ExceptionCaseErrors.NoteMaxLength} characters.", "reason");
    }

    public static Error StillFailing(Guid id, string? errorType, string? message) =>
        new(StillFailingCode, $"The event {id} failed again ({errorType}: {message}); it stays parked.", "id");
}
