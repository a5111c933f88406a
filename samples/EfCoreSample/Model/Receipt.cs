namespace Shop.Data.Model;

/// <summary>One line of a receipt; still calls the old price API, which the shop's own rule pack flags.</summary>
public static class Receipt
{
    public static string Line(Order order) => "#" + order.Id + ": " + PriceText.Format(order.Total); // MIG2001: SHOP001: PriceText.Format was renamed to PriceText.ToDisplay
}
