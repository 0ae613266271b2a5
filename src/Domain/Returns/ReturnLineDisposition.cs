namespace EcomErp.Domain.Returns;

/// <summary>Where <see cref="Quantity"/> inspected units of one line go.</summary>
public sealed record ReturnLineDisposition(int OrderLineNumber, ReturnDisposition Disposition, int Quantity);
