using EcomErp.Domain.Common;

namespace EcomErp.Domain.Tests.Builders;

public static class ResultAssert
{
    public static void Succeeded(Result result) =>
        Assert.True(result.IsSuccess, $"Expected success, got: {string.Join("; ", result.Errors)}");

    /// <summary>Asserts exactly one error with this code (and field, when given) and returns it.</summary>
    public static Error FailsWith(Result result, string code, string? field = null)
    {
        Assert.True(result.IsFailure, $"Expected {code}, but the result succeeded.");
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        if (field is not null)
            Assert.Equal(field, error.Field);
        return error;
    }

    /// <summary>Asserts the result carries every expected (code, field), in order, and nothing else.</summary>
    public static void FailsWithAll(Result result, params (string Code, string? Field)[] expected)
    {
        Assert.True(result.IsFailure, "Expected a failure, but the result succeeded.");
        Assert.Equal(expected, result.Errors.Select(e => (e.Code, e.Field)));
    }
}
