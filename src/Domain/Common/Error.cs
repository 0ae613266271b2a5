namespace EcomErp.Domain.Common;

/// <summary>An expected failure: a stable code for machines, a message for people, and the input field at fault.</summary>
public sealed record Error(string Code, string Message, string? Field = null)
{
    public Error WithField(string field) => this with { Field = field };

    public override string ToString() => Field is null ? $"{Code}: {Message}" : $"{Code} ({Field}): {Message}";
}

/// <summary>Error codes shared by every feature.</summary>
public static class CommonErrors
{
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string Conflict = "CONCURRENCY_CONFLICT";
    public const string NotPermitted = "NOT_PERMITTED";

    public static Error ConcurrencyConflict(string what) =>
        new(Conflict, $"{what} was changed by someone else; reload it and try again.");
}
