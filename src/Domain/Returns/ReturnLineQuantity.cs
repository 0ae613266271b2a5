namespace EcomErp.Domain.Returns;

/// <summary>Units of one line of a return (received, missing), as a command sends them and an event tells them.</summary>
public sealed record ReturnLineQuantity(int OrderLineNumber, int Quantity);
