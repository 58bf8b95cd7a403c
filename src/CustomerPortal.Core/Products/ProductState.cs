namespace CustomerPortal.Core.Products;

// product.statecode. Dual-write creates products in Draft unless told otherwise.
public enum ProductState
{
    Active = 0,
    Retired = 1,
    Draft = 2,
    UnderRevision = 3,
}
