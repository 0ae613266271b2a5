using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>A validation error raised by one of the transport's limits; its code names the limit.</summary>
public sealed class ExecutionLimitError : ValidationError
{
    public ExecutionLimitError(string code, string message)
        : base(message) => Code = code;
}

/// <summary>The validation rules that enforce <see cref="GraphQLTransportOptions"/> limits, run after the specification's own rules.</summary>
internal static class ExecutionLimits
{
    public static IValidationRule[] CreateRules(GraphQLTransportOptions options) =>
    [
        // Depth and complexity come from GraphQL.NET's analyzer; its own limits stay unset so that the delegate decides and
        // can say which limit was hit (the built-in error names neither).
        new ComplexityValidationRule(new ComplexityOptions
        {
            ValidateComplexityDelegate = context =>
            {
                context.Error = context.MaxDepth > options.MaxDepth
                    ? new ExecutionLimitError(GraphQLErrorCodes.MaxDepthExceeded,
                        $"The operation is {context.MaxDepth} levels deep; the maximum depth is {options.MaxDepth}.")
                    : context.TotalImpact > options.MaxComplexity
                        ? new ExecutionLimitError(GraphQLErrorCodes.MaxComplexityExceeded,
                            $"The operation's complexity is {context.TotalImpact:0}; the maximum complexity is {options.MaxComplexity}.")
                        : null;
                return Task.CompletedTask;
            },
        }),
        new MaxAliasesValidationRule(options.MaxAliases),
    ];
}

/// <summary>Limits the aliased fields in a document: GraphQL.NET has no such rule.</summary>
internal sealed class MaxAliasesValidationRule(int maxAliases) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(new AliasCounter(maxAliases));

    private sealed class AliasCounter(int maxAliases) : INodeVisitor
    {
        private int aliases;

        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            if (node is GraphQLField { Alias: not null })
            {
                aliases++;
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context)
        {
            if (node is GraphQLDocument && aliases > maxAliases)
            {
                context.ReportError(new ExecutionLimitError(GraphQLErrorCodes.MaxAliasesExceeded,
                    $"The document uses {aliases} aliases; the maximum is {maxAliases}."));
            }

            return ValueTask.CompletedTask;
        }
    }
}
