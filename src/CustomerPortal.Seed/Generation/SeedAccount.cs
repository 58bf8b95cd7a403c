using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// A customer account with what orders need from it: its legal entity, price list, where it takes
// deliveries, and its contacts (filled in by ContactGenerator).
internal sealed class SeedAccount(AccountRow row, SeedCompany company, SeedPriceList priceList, string emailDomain,
    DeliveryAddress mainAddress, IReadOnlyList<DeliveryAddress> otherAddresses)
{
    public AccountRow Row { get; } = row;
    public SeedCompany Company { get; } = company;
    public SeedPriceList PriceList { get; } = priceList;
    public string EmailDomain { get; } = emailDomain;
    public DeliveryAddress MainAddress { get; } = mainAddress;
    public IReadOnlyList<DeliveryAddress> OtherAddresses { get; } = otherAddresses;
    public List<ContactRow> Contacts { get; } = [];
}
