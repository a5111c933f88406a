namespace Shop.Data.Model;

public class Order
{
    public int Id { get; set; }

    public int CustomerId { get; set; }

    public Customer? Customer { get; set; }

    public DateTime PlacedAt { get; set; }

    public decimal Total { get; set; }
}
