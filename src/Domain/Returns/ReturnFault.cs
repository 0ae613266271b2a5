namespace EcomErp.Domain.Returns;

/// <summary>Whose fault a return reason is: it decides the restocking fee and who pays the return shipping.</summary>
public enum ReturnFault
{
    /// <summary>The customer changed their mind or chose wrongly: fees apply.</summary>
    Customer = 0,

    /// <summary>The seller sent something wrong or faulty: no restocking fee, and the seller pays the return shipping.</summary>
    Seller = 1,
}
