namespace EcomErp.Domain.Policies;

/// <summary>Where a change of a policy value stands.</summary>
public enum PolicyChangeStatus
{
    /// <summary>Proposed; a second administrator must approve it before it takes effect.</summary>
    Pending = 0,

    /// <summary>In force from <see cref="PolicyChange.EffectiveFrom"/> until a later effective change of the same key and scope.</summary>
    Effective = 1,

    /// <summary>Refused by the second administrator (or its case dismissed); it never took effect.</summary>
    Rejected = 2,
}
