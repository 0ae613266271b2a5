namespace EcomErp.Domain.Returns;

/// <summary>Through whom a return was asked for, read from the actor who asked.</summary>
public enum ReturnRequester
{
    /// <summary>A person (customer service in the admin).</summary>
    CustomerService = 0,

    /// <summary>A partner's API key limited to its channels (a marketplace forwarding its customer's request).</summary>
    PartnerChannel = 1,

    /// <summary>The business's own channel front end through an unrestricted API key (the web shop's returns page).</summary>
    ChannelApi = 2,
}
