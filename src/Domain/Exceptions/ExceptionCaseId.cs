namespace EcomErp.Domain.Exceptions;

public readonly record struct ExceptionCaseId(Guid Value)
{
    public static ExceptionCaseId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
