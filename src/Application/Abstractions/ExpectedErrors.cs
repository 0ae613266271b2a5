using EcomErp.Domain.Common;

namespace EcomErp.Application.Abstractions;

/// <summary>
/// Every code of an expected failure the domain and the application return (the <see cref="Error.Code"/> of a failed
/// result), with when it happens: the API's UserErrorCode enum and docs/errors.md are this list.
/// </summary>
public static class ExpectedErrors
{
    public static IReadOnlyList<DescribedErrorCode> All { get; } =
        DescribedErrorCodes.In(typeof(Error).Assembly.GetTypes().Concat(typeof(ExpectedErrors).Assembly.GetTypes()));
}
