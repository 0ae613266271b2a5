using EcomErp.Application.Abstractions;

namespace EcomErp.Api.Tests.GraphQL;

public class QuotedInputTests
{
    [Fact]
    public void AShortQuote_AndAMessageWithoutOne_AreKeptAsTheyAre()
    {
        var quote = new string('a', QuotedInput.MaxQuoted);
        Assert.Equal($"Currency '{quote}' is not supported.", QuotedInput.Shorten($"Currency '{quote}' is not supported."));
        var plain = new string('b', 500);
        Assert.Equal(plain, QuotedInput.Shorten(plain));
    }

    [Fact]
    public void EveryLongQuote_IsCutToItsStart_BetweenCharacters()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 40));
        var shortened = QuotedInput.Shorten($"'{new string('a', 65)}' and 'b{emoji}' are refused.");

        Assert.Equal($"'{new string('a', 64)}…' and 'b{emoji[..62]}…' are refused.", shortened);
    }
}
