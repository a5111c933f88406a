using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.ApiMigration;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>The newtonsoft-json pack against Newtonsoft.Json 13.0.3 and the System.Text.Json of net8.0.</summary>
public class NewtonsoftJsonPackTests
{
    private static CodeFixTest<RulePackAnalyzer, RulePackCodeFix> Test(string source, string fixedSource, string? batchFixedSource = null)
    {
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix> { ReferenceAssemblies = TestReferences.NewtonsoftJson };
        test.TestState.Sources.Add(("/0/Payloads.cs", source));
        test.FixedState.Sources.Add(("/0/Payloads.cs", fixedSource));
        if (batchFixedSource is not null)
        {
            test.BatchFixedState.Sources.Add(("/0/Payloads.cs", batchFixedSource));
        }

        // Fix all runs once per rule ID (the equivalence key), so a file with several rules needs several passes.
        test.NumberOfFixAllIterations = -4;

        return test;
    }

    [Fact]
    public async Task SerializeObject_and_DeserializeObject_become_JsonSerializer()
    {
        await Test(
            """
            using System.Collections.Generic;
            using Newtonsoft.Json;

            namespace Shop.Api
            {
                public sealed record Order(int Id, string Customer);

                public static class Payloads
                {
                    public static string Write(Order order) => JsonConvert.{|MIG2101:SerializeObject|}(order);

                    public static List<Order> Read(string json)
                    {
                        // orders arrive as an array
                        return JsonConvert.{|MIG2102:DeserializeObject<List<Order>>|}(json);
                    }
                }
            }
            """,
            """
            using System.Collections.Generic;
            using System.Text.Json;

            namespace Shop.Api
            {
                public sealed record Order(int Id, string Customer);

                public static class Payloads
                {
                    public static string Write(Order order) => JsonSerializer.Serialize(order);

                    public static List<Order> Read(string json)
                    {
                        // orders arrive as an array
                        return JsonSerializer.Deserialize<List<Order>>(json);
                    }
                }
            }
            """,
            """
            using System.Collections.Generic;
            using System.Text.Json;

            namespace Shop.Api
            {
                public sealed record Order(int Id, string Customer);

                public static class Payloads
                {
                    public static string Write(Order order) => JsonSerializer.Serialize(order);

                    public static List<Order> Read(string json)
                    {
                        // orders arrive as an array
                        return JsonSerializer.Deserialize<List<Order>>(json);
                    }
                }
            }
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Attributes_map_to_System_Text_Json_attributes()
    {
        await Test(
            """
            using Newtonsoft.Json;
            using Newtonsoft.Json.Converters;

            namespace Shop.Api
            {
                public enum Status { Open, Shipped }

                public class OrderDto
                {
                    [{|MIG2103:JsonProperty("id")|}]
                    public int Id { get; set; }

                    [{|MIG2103:JsonProperty(PropertyName = "customer_name")|}]
                    public string Customer { get; set; }

                    [{|MIG2104:JsonIgnore|}]
                    public string InternalNote { get; set; }

                    [{|MIG2105:JsonConverter(typeof(StringEnumConverter))|}]
                    public Status Status { get; set; }
                }
            }
            """,
            """
            using System.Text.Json.Serialization;

            namespace Shop.Api
            {
                public enum Status { Open, Shipped }

                public class OrderDto
                {
                    [JsonPropertyName("id")]
                    public int Id { get; set; }

                    [JsonPropertyName("customer_name")]
                    public string Customer { get; set; }

                    [JsonIgnore]
                    public string InternalNote { get; set; }

                    [JsonConverter(typeof(JsonStringEnumConverter))]
                    public Status Status { get; set; }
                }
            }
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Settings_JObject_and_extra_attribute_arguments_are_flagged_without_a_fix()
    {
        var source = """
            using Newtonsoft.Json;
            using Newtonsoft.Json.Linq;

            namespace Shop.Api
            {
                public class OrderDto
                {
                    [{|MIG2103:{|MIG2113:JsonProperty("id", Required = Required.Always)|}|}]
                    public int Id { get; set; }

                    [{|MIG2105:JsonConverter(typeof(Newtonsoft.Json.Converters.IsoDateTimeConverter))|}]
                    public System.DateTime Placed { get; set; }
                }

                public static class Payloads
                {
                    private static readonly JsonSerializerSettings Settings = new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore };

                    public static string Write(OrderDto order) => JsonConvert.{|MIG2106:SerializeObject|}(order, Settings);

                    public static int ReadId(string json) => (int){|MIG2107:JObject|}.Parse(json)["id"];
                }
            }
            """;
        await Test(source, source).RunAsync(CancellationToken.None);
    }
}
