namespace Ledgerly.Domain
{
    public enum InvoiceDeliveryStatus
    {
        NotSent = 0,
        Queued = 1,
        Delivered = 2,
        Bounced = 3,
    }
}
