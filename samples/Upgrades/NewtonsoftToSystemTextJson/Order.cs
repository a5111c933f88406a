using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace NewtonsoftToSystemTextJson;

public enum OrderStatus
{
    Open,
    Shipped,
}

public sealed class Order
{
    [JsonProperty("order_id")]
    public int Id { get; set; }

    [JsonProperty(PropertyName = "customer")]
    public string Customer { get; set; } = "";

    [JsonConverter(typeof(StringEnumConverter))]
    public OrderStatus Status { get; set; }

    [JsonIgnore]
    public decimal CachedTotal { get; set; }
}
