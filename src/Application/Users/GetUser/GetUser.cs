using EcomErp.Application.Abstractions;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Users.GetUser;

public sealed record GetUser(Guid UserId);

internal sealed class GetUserHandler(IUserAccounts accounts) : IQueryHandler<GetUser, UserAccount>
{
    public async Task<Result<UserAccount>> HandleAsync(GetUser query, CancellationToken cancellationToken) =>
        await accounts.FindAsync(query.UserId, cancellationToken) is { } user ? user : UserErrors.UserNotFound(query.UserId);
}
