using EcomErp.Domain.Common;
using EcomErp.Domain.Orders;
using EcomErp.Domain.Tests.Builders;

namespace EcomErp.Domain.Tests.Orders;

public sealed class CustomerInfoTests
{
    [Fact]
    public void Create_TrimsAndLowerCasesTheEmailAndTrimsTheName()
    {
        var customer = CustomerInfo.Create("  Jane.Doe@Example.COM ", " Jane Doe ").Value;

        Assert.Equal(("jane.doe@example.com", "Jane Doe"), (customer.Email, customer.Name));
    }

    [Theory]
    [InlineData("a@b.de")]
    [InlineData("first.last+shop@mail.example.co.uk")]
    public void Create_WithAnEmailShapedAddress_IsAccepted(string email)
    {
        ResultAssert.Succeeded(CustomerInfo.Create(email, "Jane"));
    }

    [Theory]
    [InlineData("jane")]
    [InlineData("@example.com")]
    [InlineData("jane@example")]
    [InlineData("jane@.com")]
    [InlineData("jane@example.")]
    [InlineData("jane@@example.com")]
    [InlineData("jane@ex@ample.com")]
    [InlineData("jane doe@example.com")]
    public void Create_WithAnAddressThatIsNotEmailShaped_FailsOnTheEmailField(string email)
    {
        ResultAssert.FailsWith(CustomerInfo.Create(email, "Jane"), OrderErrors.CustomerInvalid, "customer.email");
    }

    [Fact]
    public void Create_WithAnEmailLongerThanTheLimit_FailsOnTheEmailField()
    {
        var email = new string('a', CustomerInfo.EmailMaxLength) + "@example.com";

        ResultAssert.FailsWith(CustomerInfo.Create(email, "Jane"), OrderErrors.CustomerInvalid, "customer.email");
    }

    [Fact]
    public void Create_WithNeitherEmailNorName_NamesBothFields()
    {
        ResultAssert.FailsWithAll(CustomerInfo.Create(" ", null),
            (OrderErrors.CustomerInvalid, "customer.email"),
            (OrderErrors.CustomerInvalid, "customer.name"));
    }

    [Fact]
    public void Create_WithANameLongerThanTheLimit_FailsOnTheNameField()
    {
        var result = CustomerInfo.Create("a@b.de", new string('n', CustomerInfo.NameMaxLength + 1));

        ResultAssert.FailsWith(result, OrderErrors.CustomerInvalid, "customer.name");
    }

    [Fact]
    public void Create_WithAControlCharacterInTheEmail_OrAnInvisibleName_NamesBothFields()
    {
        ResultAssert.FailsWithAll(CustomerInfo.Create("jane\0@example.com", "\u200D\uFEFF"),
            (TextRules.ControlCharacterCode, "customer.email"),
            (TextRules.InvisibleOnlyCode, "customer.name"));
    }
}
