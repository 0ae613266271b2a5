namespace EcomErp.Domain.Returns;

/// <summary>A reason a customer gives for returning a line, and whose fault it is.</summary>
public sealed record ReturnReason(string Code, string Description, ReturnFault Fault);
