namespace FluentToAwesomeAssertions;

public sealed record InvoiceLine(string Sku, int Quantity, decimal Price);

public sealed class Invoice
{
    public string Customer { get; init; } = "";
    public List<InvoiceLine> Lines { get; } = [];
    public decimal Total => Lines.Sum(line => line.Quantity * line.Price);
    public TimeSpan PaymentTerm { get; init; } = TimeSpan.FromDays(30);
}
