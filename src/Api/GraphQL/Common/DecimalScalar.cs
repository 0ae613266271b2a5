using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>
/// The schema's one decimal scalar. Amounts travel as JSON strings ("19.90") so no client reads them into a binary float
/// and loses a cent; inputs take a string or a number. It replaces GraphQL.NET's built-in <c>Decimal</c>, which writes
/// JSON numbers. A number the decimal cannot hold exactly (more than 28–29 significant digits, or digits below 10⁻²⁸) is
/// refused, never rounded; JSON numbers in variables are checked the same way when the request is read
/// (<c>GraphQLOperationRequest</c>), since they reach this scalar as binary floats.
/// </summary>
public sealed class DecimalScalar : ScalarGraphType
{
    public DecimalScalar()
    {
        Name = "Decimal";
        Description = "An exact decimal number as a JSON string in invariant notation, e.g. \"19.90\" (trailing zeros kept to the currency's "
            + "minor unit on money). Inputs accept the string or a JSON number.";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        decimal amount => amount.ToString(CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        decimal amount => amount,
        string text => Parse(text, value),
        int number => (decimal)number,
        long number => (decimal)number,
        double number when double.IsFinite(number) => (decimal)number,
        System.Numerics.BigInteger number when number >= (System.Numerics.BigInteger)decimal.MinValue && number <= (System.Numerics.BigInteger)decimal.MaxValue => (decimal)number,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse(text.Value.ToString(), value),
        GraphQLIntValue number => Parse(number.Value.ToString(), value),
        GraphQLFloatValue number => Parse(number.Value.ToString(), value),
        _ => ThrowLiteralConversionError(value),
    };

    public override bool CanParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => true,
        GraphQLStringValue text => TryParse(text.Value.ToString(), out _),
        GraphQLIntValue number => TryParse(number.Value.ToString(), out _),
        GraphQLFloatValue number => TryParse(number.Value.ToString(), out _),
        _ => false,
    };

    private decimal Parse(string text, object source) =>
        TryParse(text, out var amount) ? amount : (decimal)(source is GraphQLValue literal ? ThrowLiteralConversionError(literal) : ThrowValueConversionError(source))!;

    private static bool TryParse(string text, out decimal amount) => ExactDecimal.TryParse(text, out amount);
}
