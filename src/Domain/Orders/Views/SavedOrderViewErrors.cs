using EcomErp.Domain.Common;

namespace EcomErp.Domain.Orders.Views;

/// <summary>Every expected failure of saved order views, by code.</summary>
public static class SavedOrderViewErrors
{
    [ErrorDescription("A saved view's name is missing, too long or unreadable.")]
    public const string NameInvalidCode = "SAVED_VIEW_NAME_INVALID";
    [ErrorDescription("The person already keeps a view with this name (names compare without case).")]
    public const string NameTakenCode = "SAVED_VIEW_NAME_TAKEN";
    [ErrorDescription("The person keeps the most views one person may keep; delete one first.")]
    public const string LimitReachedCode = "SAVED_VIEW_LIMIT_REACHED";
    [ErrorDescription("A saved view's filters are not a query string (too long, or with spaces, control characters or a fragment).")]
    public const string QueryInvalidCode = "SAVED_VIEW_QUERY_INVALID";
    [ErrorDescription("No view of the person's own has this id (another person's views are not theirs to see).")]
    public const string NotFoundCode = "SAVED_VIEW_NOT_FOUND";
    [ErrorDescription("The view already has this name, so nothing would change.")]
    public const string UnchangedCode = "SAVED_VIEW_UNCHANGED";

    public static Error NotFound(Guid id) => new(NotFoundCode, $"You have no saved view {id}; it may have been deleted.", "id");

    public static Error NameTaken(string name) => new(NameTakenCode, $"You already have a view called '{name.Trim()}'; choose another name.", "name");

    public static Error LimitReached() =>
        new(LimitReachedCode, $"You keep {SavedOrderView.MaxPerOwner} views, the most one person may keep; delete one before saving another.", "name");
}
