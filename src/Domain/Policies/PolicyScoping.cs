namespace EcomErp.Domain.Policies;

/// <summary>Where a policy may hold a value of its own (decision 028).</summary>
public enum PolicyScoping
{
    /// <summary>One value for the whole business.</summary>
    Global = 0,

    /// <summary>A global value, and a value of its own for any channel.</summary>
    PerChannel = 1,

    /// <summary>
    /// An amount of money: a value per currency, globally or for a channel; a global value without a currency stands for
    /// every currency that has none of its own.
    /// </summary>
    PerChannelInCurrency = 2,
}
