using EcomErp.Api.GraphQL.Common;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;

namespace EcomErp.Api.Tests.GraphQL.Contract;

/// <summary>UserError.code is the UserErrorCode enum: a catalog code serializes as its name, any other code is an unexpected failure.</summary>
public sealed class UserErrorCodeTests
{
    [Fact]
    public async Task Code_OfACatalogError_SerializesAsTheEnumValueOfTheSameName()
    {
        var json = await ExecuteAsync(new Error(OrderErrors.OnHoldCode, "The order has open holds.", "orderId"));

        Assert.Equal("""{"data":{"error":{"code":"ORDER_ON_HOLD","field":"orderId","message":"The order has open holds."}}}""", json);
    }

    [Fact]
    public async Task Code_NotDeclaredInAnyCatalog_FailsTheFieldWithAnExceptionThatNamesIt_InsteadOfAnAnonymousSerializationError()
    {
        var result = await ExecuteResultAsync(new Error("NOT_IN_ANY_CATALOG", "Made up."));

        var error = Assert.Single(result.Errors!);
        var cause = Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("NOT_IN_ANY_CATALOG", cause.Message, StringComparison.Ordinal);
        Assert.Contains("\"data\":{\"error\":null}", new GraphQLSerializer().Serialize(result), StringComparison.Ordinal);
    }

    private static async Task<string> ExecuteAsync(Error error) => new GraphQLSerializer().Serialize(await ExecuteResultAsync(error));

    private static Task<ExecutionResult> ExecuteResultAsync(Error error)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<UserErrorType>("error").Resolve(_ => error);
        return new DocumentExecuter().ExecuteAsync(options =>
        {
            options.Schema = new Schema { Query = query };
            options.Query = "{ error { code field message } }";
        });
    }
}
