namespace EcomErp.Domain.Exceptions;

/// <summary>One reason a case ranks where it does: the factor's name, the points it adds and why, in words.</summary>
public sealed record PriorityFactor(string Name, int Points, string Explanation);
