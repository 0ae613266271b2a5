namespace EcomErp.Application.Imports;

/// <summary>Configuration section <c>EcomErp:Import</c>: how large an import file is taken in, and how often the worker looks for queued ones.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "EcomErp:Import";

    /// <summary>The largest file accepted, in bytes (5 MB by default).</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The most rows (after the header) one file may hold: the whole file is checked and saved in one transaction.</summary>
    public int MaxRows { get; set; } = 10_000;

    /// <summary>
    /// How often the worker looks for runs still queued with no job taking them (2 s by default, 0 to 1 minute; at 0 it looks
    /// only at start): those queued by a process whose own job queue no worker reads, or before the worker restarted.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a run being checked or saved stays its worker's without a word from it (5 minutes by default, 30 seconds to 1
    /// hour; decision 090). The worker renews it every fifth of that while it runs; a run past it is one whose worker stopped,
    /// and the next look of any worker ends it.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The shortest and longest <see cref="Lease"/> accepted.</summary>
    public static readonly TimeSpan ShortestLease = TimeSpan.FromSeconds(30), LongestLease = TimeSpan.FromHours(1);
}
