using EcomErp.Domain.Common;

namespace EcomErp.Application.Abstractions;

/// <summary>Handles one command: validates it, changes one aggregate, saves. Expected failures are results.</summary>
public interface ICommandHandler<in TCommand, TResult>
{
    Task<Result<TResult>> HandleAsync(TCommand command, CancellationToken cancellationToken);
}

public interface IQueryHandler<in TQuery, TResult>
{
    Task<Result<TResult>> HandleAsync(TQuery query, CancellationToken cancellationToken);
}
