namespace EcomErp.Domain.Finance;

/// <summary>
/// The accounts the posting rules book to, seeded as master data. Codes are words rather than numbers: the chart is small,
/// and a journal line reads without a lookup.
/// </summary>
public static class ChartOfAccounts
{
    public const string Receivables = "RECEIVABLES";
    public const string Inventory = "INVENTORY";
    public const string SupplierReturnsReceivable = "SUPPLIER_RETURNS_RECEIVABLE";
    public const string TransfersClearing = "TRANSFERS_CLEARING";
    public const string RefundsPayable = "REFUNDS_PAYABLE";
    public const string GoodsReceivedNotInvoiced = "GOODS_RECEIVED_NOT_INVOICED";
    public const string OpeningBalanceEquity = "OPENING_BALANCE_EQUITY";
    public const string Revenue = "REVENUE";
    public const string SalesReturns = "SALES_RETURNS";
    public const string RestockingFeeIncome = "RESTOCKING_FEE_INCOME";
    public const string ReturnShippingIncome = "RETURN_SHIPPING_INCOME";
    public const string CostOfGoodsSold = "COST_OF_GOODS_SOLD";
    public const string InventoryAdjustments = "INVENTORY_ADJUSTMENTS";
    public const string InventoryWriteOff = "INVENTORY_WRITE_OFF";
    public const string InventoryRevaluation = "INVENTORY_REVALUATION";

    public static IReadOnlyList<Account> All { get; } =
    [
        Account.Of(Receivables, "Receivables", AccountType.Asset),
        Account.Of(Inventory, "Inventory", AccountType.Asset),
        Account.Of(SupplierReturnsReceivable, "Supplier returns receivable", AccountType.Asset),
        // Stock on its way between two locations of the business: a transfer's two postings meet here and cancel out.
        Account.Of(TransfersClearing, "Transfers clearing", AccountType.Asset),
        Account.Of(RefundsPayable, "Refunds payable", AccountType.Liability),
        Account.Of(GoodsReceivedNotInvoiced, "Goods received not invoiced", AccountType.Liability),
        Account.Of(OpeningBalanceEquity, "Opening balance equity", AccountType.Equity),
        Account.Of(Revenue, "Revenue", AccountType.Revenue),
        // A contra-revenue account: refunds reduce revenue without rewriting the invoices.
        Account.Of(SalesReturns, "Sales returns", AccountType.Revenue),
        Account.Of(RestockingFeeIncome, "Restocking fee income", AccountType.Revenue),
        Account.Of(ReturnShippingIncome, "Return shipping income", AccountType.Revenue),
        Account.Of(CostOfGoodsSold, "Cost of goods sold", AccountType.Expense),
        Account.Of(InventoryAdjustments, "Inventory adjustments", AccountType.Expense),
        Account.Of(InventoryWriteOff, "Inventory write-off", AccountType.Expense),
        Account.Of(InventoryRevaluation, "Inventory revaluation", AccountType.Expense),
    ];
}
