using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders.Views;

/// <summary>
/// One person's named view of the orders list: the filters and sort of the list as the query string it was saved from. It
/// is the person's own (nobody else lists, opens, renames or deletes it) and a preference, not business state, so it raises
/// no event; its commands are audited like any other.
/// </summary>
public sealed class SavedOrderView
{
    public const int NameMaxLength = 60;
    public const int QueryMaxLength = 1_000;

    /// <summary>How many views one person keeps; the list beside the fixed views stays a list one can scan.</summary>
    public const int MaxPerOwner = 20;

    private SavedOrderView() { }

    public Guid Id { get; private set; }

    /// <summary>The actor id of the person who saved it.</summary>
    public string OwnerId { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The name as uniqueness compares it: a person cannot keep "Held EU" and "held eu" side by side.</summary>
    public string NormalizedName { get; private set; } = "";

    /// <summary>The list's filters and sort as a query string without the leading <c>?</c> (e.g. <c>status=Held&amp;sort=ShipBy</c>).</summary>
    public string Query { get; private set; } = "";

    public DateTimeOffset SavedAt { get; private set; }

    public static Result<SavedOrderView> Create(Actor owner, string name, string query, DateTimeOffset at)
    {
        if (owner.IsSystem)
            return new Error(CommonErrors.NotPermitted, "Saved views belong to a person or an API client, not to the system.");
        if (CheckName(name) is { } nameRefused)
            return nameRefused;
        if (CheckQuery(query) is { } queryRefused)
            return queryRefused;
        var trimmed = name.Trim();
        return new SavedOrderView
        {
            Id = Guid.CreateVersion7(), OwnerId = owner.Id, Name = trimmed, NormalizedName = Normalize(trimmed), Query = query.Trim().TrimStart('?'),
            SavedAt = at,
        };
    }

    /// <summary>The view is the owner's alone: anyone else is told it does not exist, so the id of another person's view tells nothing.</summary>
    public bool IsOwnedBy(Actor actor) => string.Equals(OwnerId, actor.Id, StringComparison.Ordinal);

    /// <summary>Gives the view a new name; the filters stay. Renaming to the name it has is refused (nothing would change).</summary>
    public Result Rename(string name, Actor actor, DateTimeOffset at)
    {
        if (!IsOwnedBy(actor))
            return SavedOrderViewErrors.NotFound(Id);
        if (CheckName(name) is { } refused)
            return refused;
        if (string.Equals(Name, name.Trim(), StringComparison.Ordinal))
            return new Error(SavedOrderViewErrors.UnchangedCode, $"The view is already called '{Name}'.", "name");
        Name = name.Trim();
        NormalizedName = Normalize(Name);
        SavedAt = at;
        return Result.Success();
    }

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    private static Error? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            return new Error(SavedOrderViewErrors.NameInvalidCode, $"A view name of 1 to {NameMaxLength} characters is required.", "name");
        return TextRules.Check(name, "name");
    }

    private static Error? CheckQuery(string? query)
    {
        // Only the shape is the view's business: the list checks the values when the view is opened, as it checks a bookmark.
        if (query is null || query.Trim().TrimStart('?').Length > QueryMaxLength || query.Contains('#', StringComparison.Ordinal)
            || query.Any(char.IsWhiteSpace) || query.Any(char.IsControl))
            return new Error(SavedOrderViewErrors.QueryInvalidCode,
                $"A view's filters are a query string of at most {QueryMaxLength} characters, without spaces or a fragment.", "query");
        return null;
    }
}
