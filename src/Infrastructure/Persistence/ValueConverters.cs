using EcomErp.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EcomErp.Infrastructure.Persistence;

/// <summary>
/// Timestamps are stored as UTC ticks: SQLite cannot order or compare <see cref="DateTimeOffset"/>, and a
/// long sorts the same on every provider. The offset is not kept; every time in EcomErp is an instant.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

internal sealed class ChannelCodeConverter() : ValueConverter<ChannelCode, string>(code => code.Value, value => ChannelCode.Of(value));

internal sealed class SkuCodeConverter() : ValueConverter<SkuCode, string>(code => code.Value, value => SkuCode.Of(value));

internal sealed class LocationCodeConverter() : ValueConverter<LocationCode, string>(code => code.Value, value => LocationCode.Of(value));

internal sealed class CurrencyConverter() : ValueConverter<Currency, string>(currency => currency.Code, code => Currency.Of(code));
