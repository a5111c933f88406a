using System.Globalization;

namespace Shop.Data.Model;

/// <summary>How prices are shown. <see cref="Format"/> is the old name; ShopUpgrade.migrationpack moves callers to <see cref="ToDisplay"/>.</summary>
public static class PriceText
{
    public static string Format(decimal amount) => ToDisplay(amount);

    public static string ToDisplay(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
