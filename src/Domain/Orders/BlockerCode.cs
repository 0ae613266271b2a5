namespace EcomErp.Domain.Orders;

/// <summary>Kinds of reason an order cannot take its next step; clients branch on them, the message explains.</summary>
public enum BlockerCode
{
    /// <summary>The order is completed or cancelled: there is no next step.</summary>
    NoNextStep = 0,

    /// <summary>An open hold blocks every forward step until its owner releases it.</summary>
    OnHold = 1,

    /// <summary>The next state's entry criteria are not met yet.</summary>
    EntryCriteriaNotMet = 2,
}
