namespace EcomErp.Domain.Exceptions;

/// <summary>What a person or API client does to a case; each is guarded by <see cref="ExceptionCase.CheckCan"/>.</summary>
public enum ExceptionCaseStep
{
    Assign = 0,
    Resolve = 1,
    Dismiss = 2,
}
