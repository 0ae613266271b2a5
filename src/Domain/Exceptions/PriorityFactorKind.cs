namespace EcomErp.Domain.Exceptions;

/// <summary>What a priority factor weighs (<see cref="ExceptionPriority"/> gives each its points).</summary>
public enum PriorityFactorKind
{
    OrderValue = 0,
    SlaTimeLeft = 1,
    ServiceLevel = 2,
    Channel = 3,

    /// <summary>The order's own priority, standing in for a customer tier until customers have one.</summary>
    OrderPriority = 4,
}
