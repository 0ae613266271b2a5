using System.Security.Claims;
using EcomErp.Admin.Identity;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Exceptions;
using EcomErp.Application.Exceptions.ListExceptionCases;
using EcomErp.Application.Users;
using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using Microsoft.AspNetCore.Identity;

namespace EcomErp.Admin.Exceptions;

/// <summary>Open and overdue cases of a queue (or of a person's queues, or assigned to them).</summary>
public sealed record ExceptionCounts(int Open, int Overdue);

/// <summary>
/// What the signed-in person sees of the exception queues: the queues their roles own (an administrator and an executive see
/// every queue; the executive reads only), and how many cases in them are open and overdue. Counts come from the list query
/// with a page of none, so the pages and the navigation count exactly what the lists show.
/// </summary>
public sealed class ExceptionWorkbench(IQueryHandler<ListExceptionCases, ExceptionCasePage> list, UserManager<IdentityUser> users)
{
    private const string UserPrefix = "user:";

    private static readonly ExceptionCaseStatus[] OpenStatuses = [ExceptionCaseStatus.Open, ExceptionCaseStatus.Assigned];

    /// <summary>The queues (owner roles) of the person's cases, or null for every queue.</summary>
    public static IReadOnlyCollection<string>? VisibleQueues(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Executive)
            ? null
            : [.. Enum.GetValues<ExceptionType>().Select(ExceptionQueues.OwnerOf).Distinct().Where(user.IsInRole)];

    /// <summary>The case types whose queue the person sees, in the enum's order.</summary>
    public static IReadOnlyList<ExceptionType> VisibleTypes(ClaimsPrincipal user) =>
        VisibleQueues(user) is { } queues
            ? [.. Enum.GetValues<ExceptionType>().Where(t => queues.Contains(ExceptionQueues.OwnerOf(t)))]
            : Enum.GetValues<ExceptionType>();

    /// <summary>Whether the person may change the case at all (the case's own guard still decides each step).</summary>
    public static bool MayAct(ClaimsPrincipal user, string queue) => user.ToActor().MayActAs(queue);

    /// <summary>Open and overdue cases of one type, of every type the person sees, or assigned to <paramref name="assignee"/>.</summary>
    public async Task<ExceptionCounts> CountAsync(ClaimsPrincipal user, ExceptionType? type, string? assignee, CancellationToken cancellationToken)
    {
        var filter = new ExceptionCaseFilter(Types: type is { } t ? [t] : null, Statuses: OpenStatuses, Assignee: assignee);
        var open = await TotalAsync(user, filter, cancellationToken);
        var overdue = await TotalAsync(user, filter with { Overdue = true }, cancellationToken);
        return new ExceptionCounts(open, overdue);
    }

    private async Task<int> TotalAsync(ClaimsPrincipal user, ExceptionCaseFilter filter, CancellationToken cancellationToken)
    {
        var page = await list.HandleAsync(
            new ListExceptionCases(new ExceptionCaseListRequest(filter, ExceptionCaseSortField.DueAt, false, 0, VisibleQueues: VisibleQueues(user))),
            cancellationToken);
        return page.IsSuccess ? page.Value.TotalCount : 0;
    }

    /// <summary>The people a case of these queues may be given to (actor id, email): everyone holding a queue's role, or Admin.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> AssigneesAsync(IEnumerable<string> queues)
    {
        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in queues.Append(Roles.Admin).Distinct())
        {
            foreach (var user in await users.GetUsersInRoleAsync(role))
                people[UserPrefix + user.Id] = user.Email ?? user.UserName ?? user.Id;
        }
        return [.. people.OrderBy(p => p.Value, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Actor ids as people read them: a person's display name (or email) for <c>user:…</c> ids, the id itself for API clients and the system.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> actorIds)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in actorIds.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var user = id.StartsWith(UserPrefix, StringComparison.Ordinal) ? await users.FindByIdAsync(id[UserPrefix.Length..]) : null;
            names[id] = user is null ? id : await DisplayNameAsync(user);
        }
        return names;
    }

    /// <summary>
    /// Who a person reads for an actor of a record (timeline, audit entry): the person's display name from <see cref="NamesAsync"/>,
    /// else the name the record kept (an API client's, the system's, or a person's no longer in the user store).
    /// </summary>
    public static string ReadableName(IReadOnlyDictionary<string, string> names, string actorId, string recordedName) =>
        names.TryGetValue(actorId, out var name) && name != actorId ? name : recordedName;

    /// <summary>The name the users page gave the person, or their email when they have none (the first administrator).</summary>
    private async Task<string> DisplayNameAsync(IdentityUser user) =>
        (await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == UserClaimTypes.DisplayName)?.Value ?? user.Email ?? user.Id;

    /// <summary>"due in 2 h 10 min" or "overdue by 35 min": whole minutes, rounded towards the deadline's side.</summary>
    public static string Countdown(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var left = dueAt - now;
        return left > TimeSpan.Zero ? $"due in {Duration(left)}" : $"overdue by {Duration(-left)}";
    }

    private static string Duration(TimeSpan span)
    {
        var minutes = Math.Max(1, (long)Math.Ceiling(span.TotalMinutes));
        var (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
        return string.Join(' ', new[] { days > 0 ? $"{days} d" : null, hours > 0 ? $"{hours} h" : null, rest > 0 ? $"{rest} min" : null }
            .Where(p => p is not null));
    }
}
