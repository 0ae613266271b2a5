using EcomErp.Domain.Common;

namespace EcomErp.Domain.Catalog;

/// <summary>The SKUs allocation may ship instead of this one (where the channel permits substitution), in the order they are tried.</summary>
public sealed record SkuSubstitutesChanged(string Sku, IReadOnlyList<string> Substitutes, string ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
