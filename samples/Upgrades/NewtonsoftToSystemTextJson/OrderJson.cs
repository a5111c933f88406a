using Newtonsoft.Json;

namespace NewtonsoftToSystemTextJson;

/// <summary>Reads and writes orders for the shop's HTTP API.</summary>
public static class OrderJson
{
    public static string Write(Order order) => JsonConvert.SerializeObject(order);

    public static string WriteForLog(Order order) => JsonConvert.SerializeObject(order, Formatting.Indented);

    public static Order? Read(string json) => JsonConvert.DeserializeObject<Order>(json);

    public static object? Read(string json, Type type) => JsonConvert.DeserializeObject(json, type);
}
