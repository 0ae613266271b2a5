using EcomErp.Domain.Common;

namespace EcomErp.Domain.Exceptions;

/// <summary>Every expected failure of exception cases, by code.</summary>
public static class ExceptionCaseErrors
{
    [ErrorDescription("No exception case has this id among the cases the caller may see.")]
    public const string NotFoundCode = "EXCEPTION_CASE_NOT_FOUND";
    [ErrorDescription("The case was resolved or dismissed already and takes no further change.")]
    public const string ClosedCode = "EXCEPTION_CASE_CLOSED";
    [ErrorDescription("The caller sees the case's queue but lacks its role (or Admin), which alone assigns, resolves and dismisses its cases (an executive reads every queue and decides none). A case in a queue the caller does not see is EXCEPTION_CASE_NOT_FOUND.")]
    public const string NotPermittedCode = "EXCEPTION_CASE_NOT_PERMITTED";
    [ErrorDescription("Whoever raised the case, or placed the hold behind it, may not resolve or dismiss it too, nor may a key they issued or the person who issued their key (four eyes).")]
    public const string SelfApprovalCode = "EXCEPTION_CASE_SELF_APPROVAL";
    [ErrorDescription("A resolution or dismissal was sent without a note, or with one that is too long or unreadable.")]
    public const string NoteRequiredCode = "EXCEPTION_CASE_NOTE_REQUIRED";
    [ErrorDescription("An assignee is missing, too long, or is the case's current assignee already.")]
    public const string AssigneeInvalidCode = "EXCEPTION_CASE_ASSIGNEE_INVALID";
    [ErrorDescription("A resolution names no outcome a person may choose (approve or reject), or one the case's type does not take: a carrier-capacity "
        + "case is never rejected (an order is not cancelled for a capacity problem).")]
    public const string ResolutionInvalidCode = "EXCEPTION_CASE_RESOLUTION_INVALID";
    [ErrorDescription("The case's subject waits for a decision only the case records (a stock adjustment): approve or reject it; dismissing would leave the subject undecided with no case.")]
    public const string DecisionRequiredCode = "EXCEPTION_CASE_DECISION_REQUIRED";
    [ErrorDescription("A corrected address was sent with a resolution that takes none: only an ADDRESS_VALIDATION case, approved, takes one.")]
    public const string CorrectionNotAcceptedCode = "EXCEPTION_CASE_CORRECTION_NOT_ACCEPTED";
    [ErrorDescription("The case is not yet due for the next rung of its escalation ladder, or is at its top.")]
    public const string EscalationNotDueCode = "EXCEPTION_CASE_ESCALATION_NOT_DUE";

    public const int NoteMaxLength = 500;

    public static Error NotFound(ExceptionCaseId id) => new(NotFoundCode, $"Exception case {id} does not exist.", "caseId");

    public static Error Closed(ExceptionCaseId id, ExceptionCaseStatus status) =>
        new(ClosedCode, $"Exception case {id} is {status} and takes no further change.", "caseId");

    public static Error NotPermitted(Actor actor, string queue, ExceptionCaseStep step) =>
        new(NotPermittedCode, $"{actor.Name} may not {step.ToString().ToLowerInvariant()} a case of the {queue} queue: it needs {actor.Lacks(queue)}.");

    public static Error SelfApproval() =>
        new(SelfApprovalCode, "A second person must decide a case you raised or whose hold you placed (four eyes).", "caseId");

    public static Error AssigneeInvalid(string why) => new(AssigneeInvalidCode, why, "assignee");

    public static Error ResolutionInvalid(ExceptionResolution resolution) =>
        new(ResolutionInvalidCode, $"{resolution} is recorded by EcomErp itself; a person approves or rejects.", "resolution");

    public static Error NotRejectable(ExceptionType type) =>
        new(ResolutionInvalidCode, $"A {type} case is not rejected: an order is never cancelled for a capacity problem. Approve it to release the order "
            + "over capacity, or leave it open: releasing the order on a day with capacity closes it.", "resolution");

    public static Error DecisionRequired(ExceptionCase exceptionCase) =>
        new(DecisionRequiredCode, $"A {exceptionCase.Type} case is decided, not dismissed: approve or reject the {exceptionCase.Subject.Kind} it is about.", "caseId");

    public static Error CorrectionNotAccepted(ExceptionCase exceptionCase, ExceptionResolution resolution) =>
        new(CorrectionNotAcceptedCode, exceptionCase.Type != ExceptionType.AddressValidation
            ? $"A {exceptionCase.Type} case takes no corrected address; only an AddressValidation case does."
            : $"A corrected address comes with an approval, not with {resolution}.", "correctedAddress");

    public static Error EscalationNotDue(ExceptionCaseId id, int level, DateTimeOffset? nextAt) =>
        new(EscalationNotDueCode, nextAt is { } at
            ? $"Exception case {id} at level {level} escalates at {at:u}, not before."
            : $"Exception case {id} is at the top of its escalation ladder (level {level}).");

    /// <summary>A note of 1 to <see cref="NoteMaxLength"/> readable characters, trimmed; or why not.</summary>
    public static Result<string> CheckNote(string? note, string field = "note")
    {
        var trimmed = note?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > NoteMaxLength)
            return new Error(NoteRequiredCode, $"A note of 1 to {NoteMaxLength} characters is required.", field);
        return TextRules.Check(trimmed, field, TextLayout.MultiLine) is { } unreadable ? unreadable : trimmed;
    }
}
