namespace EcomErp.Domain.Returns;

/// <summary>What inspection found one returned unit to be.</summary>
public enum InspectionGrade
{
    /// <summary>As new: it may go back on the shelf.</summary>
    Resellable = 0,

    /// <summary>Needs work before it can be sold again.</summary>
    Refurbishable = 1,

    /// <summary>Cannot be sold again.</summary>
    Damaged = 2,
}
