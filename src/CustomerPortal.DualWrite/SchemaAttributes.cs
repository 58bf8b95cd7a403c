namespace CustomerPortal.DualWrite;

// A table whose rows belong to one customer account in one legal entity: the portal shows a row only
// to contacts of that account and company. ContactPerson, when the table has one, narrows the rows
// further for authorized users, who see only their own (as on the order list). ContactPersonThrough names
// a lookup when the contact person is a column of the row it points to (invoice → salesorder).
[AttributeUsage(AttributeTargets.Class)]
public sealed class CustomerOwnedAttribute(string accountColumn, string companyColumn) : Attribute
{
    public string AccountColumn { get; } = accountColumn;

    public string CompanyColumn { get; } = companyColumn;

    public string? ContactPersonColumn { get; init; }

    public string? ContactPersonThrough { get; init; }
}

// The Web API's name for a table's collection (salesorders for salesorder).
[AttributeUsage(AttributeTargets.Class)]
public sealed class EntitySetAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

// A lookup column: its target table and the single-valued navigation property the Web API uses for
// $expand and @odata.bind. Customer-type lookups name the navigation after the target
// (customerid_account); TypeColumn is the mirror's hidden column that records the target type.
// Navigation names the row's own navigation property, when the row has one.
[AttributeUsage(AttributeTargets.Property)]
public sealed class LookupAttribute(Type target, string navigationProperty) : Attribute
{
    public Type Target { get; } = target;

    public string NavigationProperty { get; } = navigationProperty;

    public string? TypeColumn { get; init; }

    public string? Navigation { get; init; }
}

// A one-to-many relationship the Web API can $expand and deep-insert through (order_details). Parental
// (the default) when the children are part of the parent and are deleted with it; order_invoices is not:
// an order with invoices cannot be deleted.
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneToManyAttribute(string navigationProperty) : Attribute
{
    public string NavigationProperty { get; } = navigationProperty;

    public bool Parental { get; init; } = true;
}

// The table's primary name column (what the Web API returns as the record's name).
[AttributeUsage(AttributeTargets.Property)]
public sealed class PrimaryNameAttribute : Attribute;

// A column that is an alternate key: the Web API addresses rows by it (products(msdyn_productnumber='…')).
[AttributeUsage(AttributeTargets.Property)]
public sealed class AlternateKeyAttribute : Attribute;

// An alternate key of several columns, as dual-write declares for company-striped tables: the business number
// is unique per legal entity, so the key is (msdyn_company, number). Lookup columns by their logical name.
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class CompoundAlternateKeyAttribute(params string[] columns) : Attribute
{
    public IReadOnlyList<string> Columns { get; } = columns;
}

// Overrides the Dataverse type the CLR type implies: decimal is Money unless marked Decimal,
// int is a whole number unless the column has option-set labels.
[AttributeUsage(AttributeTargets.Property)]
public sealed class DataverseTypeAttribute(ColumnType type) : Attribute
{
    public ColumnType Type { get; } = type;
}
