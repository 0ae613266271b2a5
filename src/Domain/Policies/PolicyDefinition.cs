using EcomErp.Domain.Common;

namespace EcomErp.Domain.Policies;

public sealed record PolicyDefinition(string Key, string Description, decimal Default, decimal Min, decimal Max)
{
    internal Error? Check(decimal value) => value < Min || value > Max
        ? new Error(PolicyErrors.ValueOutOfRange, $"{Key} must be between {Min} and {Max}.", "value")
        : null;
}
