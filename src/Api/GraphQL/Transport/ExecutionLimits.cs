using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace EcomErp.Api.GraphQL.Transport;

/// <summary>An error raised by one of the transport's limits; its code names the limit.</summary>
public sealed class ExecutionLimitError : ValidationError
{
    public ExecutionLimitError(string code, string message)
        : base(message) => Code = code;
}

/// <summary>
/// The limits of <see cref="GraphQLTransportOptions"/>. Those that need only the text or the syntax tree (tokens, nesting,
/// field selections, depth, aliases) are checked before the engine validates the document: some of the specification's
/// rules cost the square of the fields they compare, so work must be bounded before it is spent. Complexity needs the
/// schema (list fields multiply) and stays a validation rule, cheap once the document is bounded. A document that only
/// introspects has limits of its own (<see cref="Introspection"/>).
/// </summary>
internal sealed class ExecutionLimits(GraphQLTransportOptions options)
{
    /// <summary>
    /// How deeply the parser may recurse (syntax nodes, not fields: a field level is two) and how many fragments may spread
    /// one into another; both guard the stack, and no real document comes near.
    /// </summary>
    public const int MaxSyntaxNesting = 128;

    public static readonly ParserOptions ParserOptions = new() { MaxDepth = MaxSyntaxNesting };

    /// <summary>
    /// How often a document that only introspects may nest the lists that lead back into the type graph (<c>fields</c>,
    /// <c>inputFields</c>, <c>interfaces</c>, <c>possibleTypes</c>): each level multiplies the answer by the schema's size.
    /// graphql-js's MaxIntrospectionDepthRule allows the same; its own introspection query nests them once.
    /// </summary>
    public const int MaxIntrospectionListNesting = 2;

    public IValidationRule[] CreateValidationRules() =>
    [
        // GraphQL.NET's own limit stays unset so that the delegate decides and can say which limit was hit (the built-in
        // error names none).
        new ComplexityValidationRule(new ComplexityOptions
        {
            DefaultComplexityImpactDelegate = Introspection.Impact,
            ValidateComplexityDelegate = context =>
            {
                var (maximum, what) = Introspection.Of(context.ValidationContext.Document) == IntrospectionUse.Only
                    ? (options.MaxIntrospectionComplexity, "introspection complexity")
                    : (options.MaxComplexity, "complexity");
                context.Error = context.TotalImpact > maximum
                    ? new ExecutionLimitError(GraphQLErrorCodes.MaxComplexityExceeded,
                        $"The operation's {what} is {context.TotalImpact:0}; the maximum {what} is {maximum}.")
                    : null;
                return Task.CompletedTask;
            },
        }),
    ];

    /// <summary>
    /// Whether a request's variables can change the document's complexity, so a kept document must be measured again: a list's
    /// size is read from a <c>first</c>, <c>last</c> or <c>id</c> argument (GraphQL.NET's default impact, which
    /// <see cref="Introspection.Impact"/> keeps outside introspection), and <c>@include</c> or <c>@skip</c> can leave a field
    /// out. True when any such argument, or any directive's argument, anywhere in the document takes a variable.
    /// </summary>
    public static bool ComplexityReadsVariables(GraphQLDocument document)
    {
        static bool Variable(GraphQLArgument argument) => argument.Value is GraphQLVariable;

        static bool InDirectives(GraphQLDirectives? directives) =>
            directives?.Items.Any(directive => directive.Arguments?.Items.Any(Variable) == true) == true;

        static bool InSelections(GraphQLSelectionSet? selectionSet) => selectionSet?.Selections.Any(selection => selection switch
        {
            GraphQLField field => InDirectives(field.Directives)
                || field.Arguments?.Items.Any(argument => Variable(argument) && argument.Name.Value.Span is "first" or "last" or "id") == true
                || InSelections(field.SelectionSet),
            GraphQLInlineFragment inline => InDirectives(inline.Directives) || InSelections(inline.SelectionSet),
            GraphQLFragmentSpread spread => InDirectives(spread.Directives),
            _ => true,
        }) == true;

        return document.Definitions.Any(definition => definition switch
        {
            GraphQLOperationDefinition operation => InDirectives(operation.Directives) || InSelections(operation.SelectionSet),
            GraphQLFragmentDefinition fragment => InDirectives(fragment.Directives) || InSelections(fragment.SelectionSet),
            _ => false,
        });
    }

    /// <summary>Counts the document's tokens without building anything; <see langword="null"/> when within the limit or unreadable (the parser says why).</summary>
    public ExecutionLimitError? CheckTokens(string query)
    {
        var tokens = 0;
        var position = 0;
        while (true)
        {
            Token token;
            try
            {
                token = Lexer.Lex(query, position);
            }
            catch (GraphQLSyntaxErrorException)
            {
                return null;
            }

            if (token.Kind == TokenKind.EOF)
            {
                return null;
            }

            if (token.Kind != TokenKind.COMMENT && ++tokens > options.MaxTokens)
            {
                return new ExecutionLimitError(GraphQLErrorCodes.MaxTokensExceeded,
                    $"The document has more than {options.MaxTokens} tokens, the maximum.");
            }

            position = token.End;
        }
    }

    /// <summary>
    /// Measures the document in one pass, each fragment once: field selections with fragments expanded, field depth and
    /// aliases. The first limit exceeded is returned; <see langword="null"/> when all hold.
    /// </summary>
    /// <param name="use">A document that only introspects is held to the introspection limits of depth and fields.</param>
    public ExecutionLimitError? CheckShape(GraphQLDocument document, IntrospectionUse use)
    {
        var (maxNodes, maxDepth) = use == IntrospectionUse.Only
            ? (options.MaxIntrospectionNodes, options.MaxIntrospectionDepth)
            : (options.MaxNodes, options.MaxDepth);
        var measure = new ShapeMeasure(document);
        if (measure.FragmentNestingExceeded)
        {
            return new ExecutionLimitError(GraphQLErrorCodes.MaxDepthExceeded,
                $"The document's fragments spread one another more than {MaxSyntaxNesting} levels deep.");
        }

        if (measure.Fields > maxNodes)
        {
            return new ExecutionLimitError(GraphQLErrorCodes.MaxNodesExceeded,
                $"The document selects {(measure.Fields >= ShapeMeasure.Saturated ? "more than " + ShapeMeasure.Saturated : measure.Fields)} fields " +
                $"(fragments counted where they are spread); the maximum is {maxNodes}.");
        }

        if (measure.MostRepeated is { Count: var repeats, Name: var repeated } && repeats > options.MaxRepeatedSelections)
        {
            return new ExecutionLimitError(GraphQLErrorCodes.MaxRepeatedSelectionsExceeded,
                $"'{repeated}' is selected {repeats} times in one selection set (fragments included); the maximum is {options.MaxRepeatedSelections}.");
        }

        if (use == IntrospectionUse.Only && measure.IntrospectionListNesting > MaxIntrospectionListNesting)
        {
            return new ExecutionLimitError(GraphQLErrorCodes.MaxDepthExceeded,
                $"The introspection nests fields, inputFields, interfaces or possibleTypes {measure.IntrospectionListNesting} levels deep; " +
                $"the maximum is {MaxIntrospectionListNesting}.");
        }

        if (measure.Depth > maxDepth)
        {
            return new ExecutionLimitError(GraphQLErrorCodes.MaxDepthExceeded,
                $"The operation is {measure.Depth} levels deep; the maximum depth is {maxDepth}.");
        }

        return measure.Aliases > options.MaxAliases
            ? new ExecutionLimitError(GraphQLErrorCodes.MaxAliasesExceeded,
                $"The document uses {measure.Aliases} aliases; the maximum is {options.MaxAliases}.")
            : null;
    }

    /// <summary>
    /// Each operation with its fragments expanded, and each fragment no operation spreads on its own (it is still validated).
    /// Fragments are measured once and remembered, so fragments that spread each other many times cost their size, not
    /// their fan-out; a fragment cycle counts nothing (the specification's rule reports it). Per selection set (its inline
    /// fragments and spread fragments merged in, as the overlapping-fields rule merges them) it counts how often each
    /// response name is selected: that rule compares every pair of them, and a pair that conflicts costs an error.
    /// </summary>
    private sealed class ShapeMeasure
    {
        /// <summary>Counts stop growing here: past any limit, and far from overflowing when fan-out multiplies them.</summary>
        public const long Saturated = int.MaxValue;

        private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = [];
        private readonly Dictionary<string, Shape?> measured = [];
        private readonly Dictionary<string, Dictionary<string, int>> fragmentSelections = [];
        private int nesting;

        public ShapeMeasure(GraphQLDocument document)
        {
            foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            {
                fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
            }

            foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
            {
                var shape = Measure(operation.SelectionSet);
                Fields = Add(Fields, shape.Fields);
                Depth = Math.Max(Depth, shape.Depth);
                IntrospectionListNesting = Math.Max(IntrospectionListNesting, shape.ListNesting);
            }

            foreach (var name in fragments.Keys)
            {
                if (!measured.ContainsKey(name))
                {
                    Fields = Add(Fields, Fragment(name).Fields);
                }
            }
        }

        public long Fields { get; }

        public int Depth { get; }

        /// <summary>Deepest nesting of fields named as the introspection lists that re-enter the type graph.</summary>
        public int IntrospectionListNesting { get; }

        /// <summary>Aliases as written: a fragment's count once however often it is spread.</summary>
        public int Aliases { get; private set; }

        public bool FragmentNestingExceeded { get; private set; }

        /// <summary>The response name selected most often in one selection set, once it is selected more than once.</summary>
        public (string Name, int Count)? MostRepeated { get; private set; }

        private Shape Measure(GraphQLSelectionSet? selectionSet) => Measure(selectionSet, []);

        /// <param name="selections">How often each response name is selected at this level, shared with inline fragments.</param>
        private Shape Measure(GraphQLSelectionSet? selectionSet, Dictionary<string, int> selections)
        {
            if (selectionSet is null || FragmentNestingExceeded)
            {
                return default;
            }

            var fields = 0L;
            var depth = 0;
            var listNesting = 0;
            foreach (var selection in selectionSet.Selections)
            {
                var inner = selection switch
                {
                    GraphQLField field => Field(field, selections),
                    GraphQLInlineFragment inline => Measure(inline.SelectionSet, selections),
                    GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue, selections),
                    _ => default,
                };
                fields = Add(fields, inner.Fields);
                depth = Math.Max(depth, inner.Depth);
                listNesting = Math.Max(listNesting, inner.ListNesting);
            }

            return new Shape(fields, depth, listNesting);
        }

        private Shape Field(GraphQLField field, Dictionary<string, int> selections)
        {
            if (field.Alias is not null)
            {
                Aliases++;
            }

            Count(selections, (field.Alias?.Name ?? field.Name).StringValue, 1);

            var children = Measure(field.SelectionSet);
            var reentersTypes = field.SelectionSet is not null && field.Name.Value.Span is "fields" or "inputFields" or "interfaces" or "possibleTypes";
            return new Shape(Add(children.Fields, 1), children.Depth + 1, children.ListNesting + (reentersTypes ? 1 : 0));
        }

        private Shape Spread(string name, Dictionary<string, int> selections)
        {
            var shape = Fragment(name);
            if (fragmentSelections.TryGetValue(name, out var spread))
            {
                foreach (var (responseName, times) in spread)
                {
                    Count(selections, responseName, times);
                }
            }

            return shape;
        }

        private void Count(Dictionary<string, int> selections, string responseName, int times)
        {
            var count = selections[responseName] = Math.Min(selections.GetValueOrDefault(responseName) + times, int.MaxValue / 2);
            if (count > 1 && count > (MostRepeated?.Count ?? 0))
            {
                MostRepeated = (responseName, count);
            }
        }

        private Shape Fragment(string name)
        {
            if (measured.TryGetValue(name, out var known))
            {
                return known ?? default;
            }

            if (!fragments.TryGetValue(name, out var fragment))
            {
                return default;
            }

            // The parser bounds how deeply a document nests; only fragments spreading fragments can chain further.
            if (++nesting > MaxSyntaxNesting)
            {
                FragmentNestingExceeded = true;
                return default;
            }

            measured[name] = null;
            var selections = new Dictionary<string, int>();
            var shape = Measure(fragment.SelectionSet, selections);
            measured[name] = shape;
            fragmentSelections[name] = selections;
            nesting--;
            return shape;
        }

        private static long Add(long left, long right) => Math.Min(left + right, Saturated);
    }

    private readonly record struct Shape(long Fields, int Depth, int ListNesting);
}
