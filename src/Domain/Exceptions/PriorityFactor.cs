namespace EcomErp.Domain.Exceptions;

/// <summary>One reason a case ranks where it does: what the factor weighs, the points it adds and why, in words.</summary>
public sealed record PriorityFactor(PriorityFactorKind Kind, int Points, string Explanation);
