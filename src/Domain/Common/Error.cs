namespace EcomErp.Domain.Common;

/// <summary>An expected failure: a stable code for machines, a message for people, and the input field at fault.</summary>
public sealed record Error(string Code, string Message, string? Field = null)
{
    public Error WithField(string field) => this with { Field = field };

    public override string ToString() => Field is null ? $"{Code}: {Message}" : $"{Code} ({Field}): {Message}";
}
