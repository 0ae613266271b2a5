using EcomErp.Domain.Common;
using EcomErp.Domain.Exceptions;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomErp.Infrastructure.ReadModels;

/// <summary>
/// One return's milestones for the cycle-time KPIs (decision 044): when it was requested, first received, dispositioned and
/// refunded, as UTC ticks so both providers filter on them. <see cref="LastSequence"/> is the newest event applied: a replay
/// changes nothing.
/// </summary>
internal sealed class ReturnKpiReturnRow
{
    private ReturnKpiReturnRow() { }

    public Guid ReturnId { get; private set; }
    public string Channel { get; private set; } = "";
    public long RequestedAtTicks { get; private set; }
    public long? ReceivedAtTicks { get; private set; }
    public long? DispositionedAtTicks { get; private set; }
    public long? RefundedAtTicks { get; private set; }

    /// <summary>False once the return was rejected or cancelled: its units no longer count as returned.</summary>
    public bool IsLive { get; private set; }
    public long LastSequence { get; private set; }

    public static ReturnKpiReturnRow Requested(ReturnRequested requested, long sequence) => new()
    {
        ReturnId = requested.ReturnId, Channel = requested.Channel, RequestedAtTicks = requested.OccurredAt.UtcTicks, IsLive = true, LastSequence = sequence,
    };

    /// <summary>Takes a later event of the return; false for a replay (at or below <see cref="LastSequence"/>) or one that changes no figure.</summary>
    public bool Apply(ReturnEvent domainEvent, long sequence)
    {
        if (sequence <= LastSequence)
            return false;
        LastSequence = sequence;
        switch (domainEvent)
        {
            case ReturnProgressed { To: ReturnStatus.Received } received:
                ReceivedAtTicks ??= received.OccurredAt.UtcTicks;
                break;
            case ReturnProgressed { To: ReturnStatus.Dispositioned } dispositioned:
                DispositionedAtTicks ??= dispositioned.OccurredAt.UtcTicks;
                break;
            case ReturnProgressed { To: ReturnStatus.Refunded } refunded:
                RefundedAtTicks ??= refunded.OccurredAt.UtcTicks;
                break;
            case ReturnRejected or ReturnCancelled:
                IsLive = false;
                break;
        }
        return true;
    }
}

/// <summary>
/// The units of one return line, by SKU, reason, customer and the day the return was requested (a day number,
/// <see cref="DateOnly.DayNumber"/>), so any window of days sums them in the database; <see cref="IsLive"/> follows its return's.
/// </summary>
internal sealed class ReturnKpiLineRow
{
    private ReturnKpiLineRow() { }

    public Guid ReturnId { get; private set; }
    public int OrderLineNumber { get; private set; }
    public string Channel { get; private set; } = "";
    public string Sku { get; private set; } = "";
    public string ReasonCode { get; private set; } = "";
    public int RequestedDay { get; private set; }
    public int Units { get; private set; }
    public bool IsLive { get; private set; }

    /// <summary>The order's customer (lower case); null for a return requested before its event carried one.</summary>
    public string? CustomerEmail { get; private set; }

    public static ReturnKpiLineRow Of(ReturnRequested requested, ReturnLineSnapshot line) => new()
    {
        ReturnId = requested.ReturnId, OrderLineNumber = line.OrderLineNumber, Channel = requested.Channel, Sku = line.Sku, ReasonCode = line.ReasonCode,
        RequestedDay = DateOnly.FromDateTime(requested.OccurredAt.UtcDateTime).DayNumber, Units = line.Quantity, IsLive = true,
        CustomerEmail = requested.CustomerEmail,
    };

    public void Withdraw() => IsLive = false;
}

/// <summary>A day's bucket of shipped units, by SKU or by customer: it takes each shipment's units once, by sequence.</summary>
internal interface IShippedUnitsBucket
{
    void Add(int units, long sequence);
}

/// <summary>Units of a SKU shipped on one channel on one day; each shipment's sequence at or below <see cref="LastSequence"/> was counted already.</summary>
internal sealed class ReturnKpiShippedRow : IShippedUnitsBucket
{
    private ReturnKpiShippedRow() { }

    public string Channel { get; private set; } = "";
    public string Sku { get; private set; } = "";
    public int Day { get; private set; }
    public int Units { get; private set; }
    public long LastSequence { get; private set; }

    public static ReturnKpiShippedRow Empty(string channel, string sku, int day) => new() { Channel = channel, Sku = sku, Day = day };

    public void Add(int units, long sequence)
    {
        if (sequence <= LastSequence)
            return;
        Units += units;
        LastSequence = sequence;
    }
}

/// <summary>
/// Units shipped to one customer (by e-mail, lower case) on one channel on one day; each shipment's sequence at or below
/// <see cref="LastSequence"/> was counted already. <see cref="CustomerId"/> is the customer's case subject id
/// (<see cref="ExceptionSubject.CustomerIdOf"/>), so the admin finds the e-mail behind an abnormal-returns case.
/// </summary>
internal sealed class ReturnKpiCustomerShippedRow : IShippedUnitsBucket
{
    private ReturnKpiCustomerShippedRow() { }

    public string Channel { get; private set; } = "";
    public string CustomerEmail { get; private set; } = "";
    public int Day { get; private set; }
    public Guid CustomerId { get; private set; }
    public int Units { get; private set; }
    public long LastSequence { get; private set; }

    public static ReturnKpiCustomerShippedRow Empty(string channel, string customerEmail, int day) =>
        new() { Channel = channel, CustomerEmail = customerEmail, Day = day, CustomerId = ExceptionSubject.CustomerIdOf(customerEmail) };

    public void Add(int units, long sequence)
    {
        if (sequence <= LastSequence)
            return;
        Units += units;
        LastSequence = sequence;
    }
}

internal sealed class ReturnKpiReadModelConfigurations :
    IEntityTypeConfiguration<ReturnKpiReturnRow>, IEntityTypeConfiguration<ReturnKpiLineRow>, IEntityTypeConfiguration<ReturnKpiShippedRow>,
    IEntityTypeConfiguration<ReturnKpiCustomerShippedRow>
{
    public void Configure(EntityTypeBuilder<ReturnKpiReturnRow> row)
    {
        row.ToTable("ReturnKpiReturns");
        row.HasKey(r => r.ReturnId);
        row.Property(r => r.Channel).HasMaxLength(ChannelCode.MaxLength);
        // The cycle-time windows pick returns by the day they were dispositioned or refunded.
        row.HasIndex(r => r.DispositionedAtTicks);
        row.HasIndex(r => r.RefundedAtTicks);
    }

    public void Configure(EntityTypeBuilder<ReturnKpiLineRow> row)
    {
        row.ToTable("ReturnKpiReturnedUnits");
        row.HasKey(r => new { r.ReturnId, r.OrderLineNumber });
        row.Property(r => r.Channel).HasMaxLength(ChannelCode.MaxLength);
        row.Property(r => r.Sku).HasMaxLength(SkuCode.MaxLength);
        row.Property(r => r.ReasonCode).HasMaxLength(ReturnReasons.CodeMaxLength);
        row.Property(r => r.CustomerEmail).HasMaxLength(CustomerInfo.EmailMaxLength);
        row.HasIndex(r => new { r.RequestedDay, r.Sku });
        row.HasIndex(r => new { r.RequestedDay, r.CustomerEmail });
    }

    public void Configure(EntityTypeBuilder<ReturnKpiShippedRow> row)
    {
        row.ToTable("ReturnKpiShippedUnits");
        row.HasKey(r => new { r.Channel, r.Sku, r.Day });
        row.Property(r => r.Channel).HasMaxLength(ChannelCode.MaxLength);
        row.Property(r => r.Sku).HasMaxLength(SkuCode.MaxLength);
        row.HasIndex(r => new { r.Day, r.Sku });
    }

    public void Configure(EntityTypeBuilder<ReturnKpiCustomerShippedRow> row)
    {
        row.ToTable("ReturnKpiCustomerShippedUnits");
        row.HasKey(r => new { r.Channel, r.CustomerEmail, r.Day });
        row.Property(r => r.Channel).HasMaxLength(ChannelCode.MaxLength);
        row.Property(r => r.CustomerEmail).HasMaxLength(CustomerInfo.EmailMaxLength);
        row.HasIndex(r => new { r.Day, r.CustomerEmail });
        row.HasIndex(r => r.CustomerId);
    }
}
