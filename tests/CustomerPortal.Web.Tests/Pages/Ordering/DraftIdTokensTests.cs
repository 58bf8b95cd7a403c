using CustomerPortal.Web.Ordering;
using Microsoft.AspNetCore.DataProtection;

namespace CustomerPortal.Web.Tests.Pages.Ordering;

public sealed class DraftIdTokensTests
{
    private static readonly Guid Account = Guid.NewGuid();

    private readonly DraftIdTokens _tokens = new(new EphemeralDataProtectionProvider());

    [Fact]
    public void ATokenOpensToItsIdOnlyForTheUserAndAccountItWasIssuedTo()
    {
        var draftId = Guid.NewGuid();
        var token = _tokens.Protect("buyer", Account, draftId);

        Assert.Equal(draftId, _tokens.Unprotect("buyer", Account, token));
        Assert.Null(_tokens.Unprotect("colleague", Account, token));
        Assert.Null(_tokens.Unprotect("buyer", Guid.NewGuid(), token));
        Assert.DoesNotContain(draftId.ToString("N"), token, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ATokenFromAnotherKeyRingOpensToNothing()
    {
        var token = new DraftIdTokens(new EphemeralDataProtectionProvider()).Protect("buyer", Account, Guid.NewGuid());

        Assert.Null(_tokens.Unprotect("buyer", Account, token));
    }

    [Fact]
    public void ATamperedTokenOpensToNothing()
    {
        var token = _tokens.Protect("buyer", Account, Guid.NewGuid());
        var middle = token.Length / 2;

        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        Assert.Null(_tokens.Unprotect("buyer", Account, tampered));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("not base64 at all!")]
    [InlineData("%%%")]
    public void AnythingElseOpensToNothing(string? token) => Assert.Null(_tokens.Unprotect("buyer", Account, token));
}
