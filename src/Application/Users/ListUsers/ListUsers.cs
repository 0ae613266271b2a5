using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog;
using EcomErp.Domain.Common;

namespace EcomErp.Application.Users.ListUsers;

/// <summary>A page (1-based) of the users matching <paramref name="Filter"/>, by display name.</summary>
public sealed record ListUsers(UserAccountFilter Filter, int Page = 1, int PageSize = 25);

internal sealed class ListUsersHandler(IUserAccounts accounts) : IQueryHandler<ListUsers, UserAccountPage>
{
    public async Task<Result<UserAccountPage>> HandleAsync(ListUsers query, CancellationToken cancellationToken)
    {
        var filter = query.Filter;
        if (filter.Role is { } role && !Roles.Assignable.Contains(role, StringComparer.Ordinal))
            return new Error(UserErrors.RoleUnknown, $"There is no role \"{role}\"; the roles are {string.Join(", ", Roles.Assignable)}.", "role");
        var search = string.IsNullOrWhiteSpace(filter.Search) ? null : filter.Search.Trim();
        if (search is { Length: > CatalogQueryErrors.SearchMaxLength })
            return new Error(CommonErrors.ValidationFailed, $"Search for at most {CatalogQueryErrors.SearchMaxLength} characters.", "search");
        if (TextRules.Check(search, "search") is { } unreadable)
            return unreadable;
        if (query.Page < 1 || query.PageSize is < 1 or > UserAccountPage.MaxPageSize)
            return new Error(CommonErrors.ValidationFailed, $"Pages start at 1 and hold 1 to {UserAccountPage.MaxPageSize} users.", "page");
        return await accounts.ListAsync(filter with { Search = search }, query.Page, query.PageSize, cancellationToken);
    }
}
