namespace Storefront.Domain
{
    // Stored as integers. Values are part of the database contract: append new members, never renumber.
    public enum OrderStatus
    {
        Pending = 0,
        Paid = 1,
        Shipped = 2,
        Delivered = 3,
        Cancelled = 4,
        Refunded = 5,
    }

    public enum LoyaltyTier
    {
        None = 0,
        Silver = 1,
        Gold = 2,
    }
}
