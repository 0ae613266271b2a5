using System.Globalization;
using EcomErp.Domain.Common;
using EcomErp.Domain.Returns;

namespace EcomErp.Application.Returns.ListReturns;

public enum ReturnSortField
{
    RequestedAt = 0,

    /// <summary>Workflow order (<see cref="ReturnWorkflow.RankOf"/>), not the enum's numbers.</summary>
    Status = 1,

    /// <summary>How long the return has been in its current state; ascending is the freshest first, descending the oldest first.</summary>
    Age = 2,

    /// <summary>The RMA number's year and counter, so RMA-2026-000010 follows RMA-2026-000009.</summary>
    Rma = 3,
}

/// <summary>
/// What a return list is narrowed to; every given criterion must hold. The requested range includes its start and excludes
/// its end. <see cref="OlderThanDays"/> keeps returns that have been in their current state at least that many whole days at
/// the time of the query. <see cref="RmaText"/> is a part of the RMA number, compared ignoring case.
/// </summary>
public sealed record ReturnFilter(
    IReadOnlyCollection<string>? Channels = null,
    IReadOnlyCollection<ReturnStatus>? Statuses = null,
    Guid? OrderId = null,
    string? Location = null,
    bool? NeedsApproval = null,
    DateTimeOffset? RequestedFrom = null,
    DateTimeOffset? RequestedTo = null,
    int? OlderThanDays = null,
    string? RmaText = null)
{
    /// <summary>Ten years: a return older than that in one state is a data problem, not a queue.</summary>
    public const int MaxOlderThanDays = 3650;

    /// <summary>The filter with codes trimmed and upper-cased, or why it cannot be a list.</summary>
    public Result<ReturnFilter> Check(DateTimeOffset now)
    {
        var errors = new List<Error>();
        foreach (var (value, field) in new[] { (RequestedFrom, "filter.requestedFrom"), (RequestedTo, "filter.requestedTo") })
        {
            if (value is { } date && BusinessDates.Check(DateOnly.FromDateTime(date.UtcDateTime), now, field) is { } outside)
                errors.Add(outside);
        }
        if (RequestedFrom is { } from && RequestedTo is { } to && to <= from)
            errors.Add(new Error(ReturnQueryErrors.RequestedRangeInvalid, string.Create(CultureInfo.InvariantCulture,
                $"requestedTo ({to:O}) must be after requestedFrom ({from:O}); the range includes its start and excludes its end."), "filter.requestedTo"));
        if (OlderThanDays is < 0 or > MaxOlderThanDays)
            errors.Add(new Error(ReturnQueryErrors.AgeInvalid, $"olderThanDays is a whole number of days from 0 to {MaxOlderThanDays}.", "filter.olderThanDays"));
        if (RmaText is { } text && (string.IsNullOrWhiteSpace(text) || text.Trim().Length > Return.RmaNumberMaxLength))
            errors.Add(new Error(ReturnQueryErrors.RmaTextInvalid, $"rmaText is 1 to {Return.RmaNumberMaxLength} characters of an RMA number.", "filter.rmaText"));
        if (errors.Count > 0)
            return Result<ReturnFilter>.Failure(errors);
        return this with
        {
            Channels = Channels?.Select(Normalize).ToList(),
            Location = Location is null ? null : Normalize(Location),
            RmaText = RmaText is null ? null : Normalize(RmaText),
        };
    }

    /// <summary>Codes and RMA numbers are stored trimmed and upper case, as the domain keeps them.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}

/// <summary>A position in a sorted list: the sort key and the id break ties, so pages never skip or repeat returns.</summary>
public sealed record ReturnCursor(long SortKey, Guid Id);

/// <summary>
/// One page of returns: the <paramref name="Size"/> first after <paramref name="After"/> (and before <paramref name="Before"/>),
/// or with <paramref name="FromTheEnd"/> the last ones. <paramref name="VisibleChannels"/> is the caller's channel restriction
/// (null: all), applied in the store so a partner can never page into another channel's returns.
/// </summary>
public sealed record ReturnListRequest(
    ReturnFilter Filter, ReturnSortField SortField, bool Descending, int Size, IReadOnlyCollection<string>? VisibleChannels,
    ReturnCursor? After = null, bool FromTheEnd = false, ReturnCursor? Before = null);

/// <summary>A page in list order, a cursor per return, whether returns lie beyond it either way, and how many the filter matches.</summary>
public sealed record ReturnPage(IReadOnlyList<ReturnView> Items, IReadOnlyList<ReturnCursor> Cursors, bool HasNextPage, bool HasPreviousPage, int TotalCount);
