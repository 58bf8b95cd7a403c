using CustomerPortal.Core.Contacts;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Tests.DataSource;

// The contact-directory methods invitations and profiles use, written once for every data source.
// CreateDirectory(path) gives the adapter over a mirror at that path (a private copy for writes).
public abstract class ContactOnboardingContract(SeededDemoMirror mirror)
{
    protected SeededDemoMirror Mirror { get; } = mirror;

    protected abstract IContactDirectory CreateDirectory(string mirrorPath);

    protected abstract IContactAdministration CreateAdministration(string mirrorPath);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SearchFindsContactsByNameEmailOrAccountNumberWithTheirReadiness()
    {
        var directory = CreateAdministration(Mirror.MirrorPath);

        var byEmail = await directory.SearchAsync("invitee@contoso", 25, Ct);
        var byAccount = await directory.SearchAsync("US-0001", 100, Ct);
        var byName = await directory.SearchAsync("unprepared", 25, Ct);

        var iris = Assert.Single(byEmail);
        Assert.True(iris.IsReady);
        Assert.Equal("US-0001", iris.AccountNumber);
        Assert.Contains(byAccount, c => c.ContactId == Mirror.Representative.ContactId);
        Assert.All(byAccount, c => Assert.Equal("US-0001", c.AccountNumber));
        var umar = Assert.Single(byName);
        Assert.Equal([ContactRequirement.PriceList], umar.Missing);
        Assert.Empty(await directory.SearchAsync("%", 25, Ct));
    }

    [Fact]
    public async Task ColleaguesAreTheScopesAccountForRepresentativesAndOnlySelfForAuthorizedUsers()
    {
        var directory = CreateDirectory(Mirror.MirrorPath);
        using var db = Mirror.OpenMirror();
        var expected = await db.Contacts
            .Where(c => c.AccountId == Mirror.Representative.AccountId && c.CompanyId == Mirror.Representative.CompanyId && c.StateCode == 0)
            .Select(c => c.ContactId).ToListAsync(Ct);

        var forRepresentative = await directory.ListColleaguesAsync(Mirror.Representative, Ct);
        var forAuthorizedUser = await directory.ListColleaguesAsync(Mirror.AuthorizedUser, Ct);

        Assert.Equal(expected.Order(), forRepresentative.Select(c => c.ContactId).Order());
        Assert.Equal([Mirror.AuthorizedUser.ContactId], forAuthorizedUser.Select(c => c.ContactId));
        Assert.DoesNotContain(await directory.ListColleaguesAsync(Mirror.OtherCustomer, Ct), c => expected.Contains(c.ContactId));
    }

    [Fact]
    public async Task OwnDetailsAreReadAndWrittenForTheScopesContactOnly()
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("customerportal-contract-").FullName, "mirror.db");
        File.Copy(Mirror.MirrorPath, copy);
        var directory = CreateDirectory(copy);
        var scope = Mirror.AuthorizedUser;

        Assert.True(await directory.UpdateOwnDetailsAsync(scope, new ContactDetails(" +33 1 23 45 67 89 ", "Buyer"), Ct));
        Assert.Equal(new ContactDetails("+33 1 23 45 67 89", "Buyer"), await directory.GetOwnDetailsAsync(scope, Ct));

        // A contact of another account under this scope: nothing read, nothing written.
        var foreign = scope with { ContactId = Mirror.OtherCustomer.ContactId };
        Assert.Null(await directory.GetOwnDetailsAsync(foreign, Ct));
        Assert.False(await directory.UpdateOwnDetailsAsync(foreign, new ContactDetails("0", "Leaked"), Ct));
        Assert.NotEqual("Leaked", (await directory.ListColleaguesAsync(Mirror.OtherCustomer, Ct)).Single(c => c.ContactId == Mirror.OtherCustomer.ContactId).JobTitle);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task CandidateIsFoundByIdAndUnknownIdsAreNull()
    {
        var directory = CreateAdministration(Mirror.MirrorPath);

        var candidate = await directory.FindCandidateAsync(Mirror.Representative.ContactId, Ct);

        Assert.NotNull(candidate);
        Assert.Equal(Mirror.Representative.AccountId, candidate.AccountId);
        Assert.Equal(Mirror.Representative.CompanyId, candidate.CompanyId);
        Assert.Null(await directory.FindCandidateAsync(Guid.NewGuid(), Ct));
    }
}
