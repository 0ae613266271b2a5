using EcomErp.Domain.Exceptions;

namespace EcomErp.Application.Exceptions;

/// <summary>
/// The SLA policy in force for each exception type. The defaults come from code (<see cref="ExceptionSlaPolicies"/>,
/// decision 025); a governed, versioned policy store replaces this service when it exists.
/// </summary>
public interface IExceptionSlaPolicies
{
    ExceptionSlaPolicy For(ExceptionType type);

    /// <summary>The highest escalation level any policy reaches: cases at it have nowhere left to climb.</summary>
    int TopLevel { get; }
}

internal sealed class DefaultExceptionSlaPolicies : IExceptionSlaPolicies
{
    public ExceptionSlaPolicy For(ExceptionType type) => ExceptionSlaPolicies.DefaultFor(type);

    public int TopLevel { get; } = ExceptionSlaPolicies.Defaults.Max(p => p.Ladder.Count == 0 ? 0 : p.Ladder.Max(r => r.Level));
}
