namespace EcomErp.Domain.Exceptions;

/// <summary>A case's priority (higher first) and the factors that add up to it, so a person can see why.</summary>
public sealed record PriorityScore(int Value, IReadOnlyList<PriorityFactor> Factors)
{
    public static PriorityScore Of(IReadOnlyList<PriorityFactor> factors) => new(factors.Sum(f => f.Points), factors);
}
