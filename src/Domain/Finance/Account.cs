namespace EcomErp.Domain.Finance;

/// <summary>One account of the chart of accounts (master data). Journal lines name it by <see cref="Code"/>.</summary>
public sealed class Account
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;

    private Account() { }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public AccountType Type { get; private set; }

    public static Account Of(string code, string name, AccountType type) => new() { Code = code, Name = name, Type = type };
}
