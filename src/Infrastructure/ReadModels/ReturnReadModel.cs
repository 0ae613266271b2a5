using EcomErp.Application.Returns;
using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// One return as the read side stores it: the columns lists filter and sort on, and the whole <see cref="ReturnView"/> as a
/// JSON document. Times are UTC ticks (null before the step) and money minor units, so both providers sort and compare them;
/// the status's workflow rank sorts by status and the RMA's year and counter as one number sort by RMA.
/// </summary>
internal sealed class ReturnReadModel
{
    private ReturnReadModel() { }

    public Guid Id { get; private set; }
    public string RmaNumber { get; private set; } = "";
    public long RmaOrder { get; private set; }
    public Guid OrderId { get; private set; }
    public string ExternalOrderId { get; private set; } = "";
    public string Channel { get; private set; } = "";
    public ReturnStatus Status { get; private set; }
    public int StatusRank { get; private set; }
    public bool NeedsApproval { get; private set; }
    public string? Location { get; private set; }
    public long RequestedAtTicks { get; private set; }
    public long? AuthorizedAtTicks { get; private set; }
    public long? ReceivedAtTicks { get; private set; }
    public long? InspectedAtTicks { get; private set; }
    public long? DispositionedAtTicks { get; private set; }
    public long? RefundedAtTicks { get; private set; }
    public long? ClosedAtTicks { get; private set; }

    /// <summary>When the return entered its current state: the age filter and sort compare it with now.</summary>
    public long StatusChangedAtTicks { get; private set; }
    public int UnitsRequested { get; private set; }
    public int UnitsReceived { get; private set; }
    public int UnitsMissing { get; private set; }
    public long ValueMinor { get; private set; }
    public long RefundMinor { get; private set; }
    public string Currency { get; private set; } = "";
    public string? CreditNoteNumber { get; private set; }
    public Guid? ReplacementOrderId { get; private set; }
    public long LastSequence { get; private set; }
    public string Document { get; private set; } = "";

    public static ReturnReadModel From(ReturnView view, long sequence, string document)
    {
        var row = new ReturnReadModel { Id = view.ReturnId };
        row.Apply(view, sequence, document);
        return row;
    }

    public void Apply(ReturnView view, long sequence, string document)
    {
        if (view.ReturnId != Id)
            throw new InvalidOperationException($"The view of return {view.ReturnId} cannot replace the read model of return {Id}.");
        (RmaNumber, RmaOrder, OrderId, ExternalOrderId, Channel) = (view.RmaNumber, RmaOrderOf(view.RmaNumber), view.OrderId, view.ExternalOrderId ?? "", view.Channel);
        (Status, StatusRank, NeedsApproval, Location) = (view.Status, ReturnWorkflow.RankOf(view.Status), view.NeedsApproval, view.Location);
        RequestedAtTicks = view.RequestedAt.UtcTicks;
        AuthorizedAtTicks = view.AuthorizedAt?.UtcTicks;
        ReceivedAtTicks = view.ReceivedAt?.UtcTicks;
        InspectedAtTicks = view.InspectedAt?.UtcTicks;
        DispositionedAtTicks = view.DispositionedAt?.UtcTicks;
        RefundedAtTicks = view.RefundedAt?.UtcTicks;
        ClosedAtTicks = view.ClosedAt?.UtcTicks;
        StatusChangedAtTicks = view.StatusChangedAt.UtcTicks;
        (UnitsRequested, UnitsReceived, UnitsMissing) = (view.UnitsRequested, view.UnitsReceived, view.UnitsMissing);
        (ValueMinor, RefundMinor, Currency) = (view.ValueMinor, view.RefundTotalMinor, view.Currency);
        (CreditNoteNumber, ReplacementOrderId) = (view.CreditNoteNumber, view.ReplacementOrderId);
        LastSequence = sequence;
        Document = document;
    }

    /// <summary>RMA-2026-000123 sorts as 2026000123: the digits of the number, which the document series writes at fixed width.</summary>
    public static long RmaOrderOf(string rmaNumber)
    {
        var digits = new string([.. rmaNumber.Where(char.IsAsciiDigit).Take(18)]);
        return digits.Length == 0 ? 0 : long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }
}

internal sealed class ReturnReadModelConfiguration : IEntityTypeConfiguration<ReturnReadModel>
{
    public void Configure(EntityTypeBuilder<ReturnReadModel> row)
    {
        row.ToTable("ReturnReadModels");
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).ValueGeneratedNever();
        row.Property(r => r.RmaNumber).HasMaxLength(Return.RmaNumberMaxLength);
        row.Property(r => r.ExternalOrderId).HasMaxLength(OrderErrors.ExternalIdMaxLength);
        row.Property(r => r.Channel).HasMaxLength(ChannelCode.MaxLength);
        row.Property(r => r.Location).HasMaxLength(LocationCode.MaxLength);
        row.Property(r => r.Currency).HasMaxLength(Domain.Common.Currency.CodeLength).IsFixedLength();
        row.Property(r => r.CreditNoteNumber).HasMaxLength(Return.CreditNoteNumberMaxLength);
        row.HasIndex(r => r.RmaNumber).IsUnique();
        row.HasIndex(r => new { r.OrderId, r.RequestedAtTicks });

        // Keyset pages order by (sort key, id); a partner's channels or a status queue narrow the rows first.
        row.HasIndex(r => new { r.RequestedAtTicks, r.Id });
        row.HasIndex(r => new { r.StatusRank, r.Id });
        row.HasIndex(r => new { r.StatusChangedAtTicks, r.Id });
        row.HasIndex(r => new { r.RmaOrder, r.Id });
        row.HasIndex(r => new { r.Channel, r.RequestedAtTicks, r.Id });
        row.HasIndex(r => new { r.Status, r.StatusChangedAtTicks, r.Id });
    }
}
