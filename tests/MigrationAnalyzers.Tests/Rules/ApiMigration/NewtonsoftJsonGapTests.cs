using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.ApiMigration;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>
/// MIG2108-MIG2113: the calls and attributes of the newtonsoft-json pack beyond the first subset, against Newtonsoft.Json 13.0.3
/// and the System.Text.Json of net8.0. Compiler warnings are compared too, so a fix that adds one fails.
/// </summary>
public class NewtonsoftJsonGapTests
{
    private static CodeFixTest<RulePackAnalyzer, RulePackCodeFix> Test(string source, string fixedSource)
    {
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix>
        {
            ReferenceAssemblies = TestReferences.NewtonsoftJson,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            NumberOfFixAllIterations = -4,
        };
        // As the SDK does (NoWarn 1701;1702), and no XML documentation in these samples: every other warning counts.
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions
                .SetItem("CS1591", ReportDiagnostic.Suppress)
                .SetItem("CS1701", ReportDiagnostic.Suppress)
                .SetItem("CS1702", ReportDiagnostic.Suppress)));
        });
        test.TestState.Sources.Add(("/0/Payloads.cs", source));
        test.FixedState.Sources.Add(("/0/Payloads.cs", fixedSource));
        return test;
    }

    [Fact]
    public async Task MIG2108_SerializeObject_with_Formatting_becomes_Serialize_with_WriteIndented()
    {
        await Test(
            """
            using Newtonsoft.Json;

            namespace Shop.Api
            {
                public sealed class Order { public int Id { get; set; } }

                public static class Payloads
                {
                    public static string Pretty(Order order) => JsonConvert.{|MIG2108:SerializeObject|}(order, Formatting.Indented);

                    public static string Compact(Order order) => JsonConvert.{|MIG2108:SerializeObject|}(order, Formatting.None);
                }
            }
            """,
            """
            using System.Text.Json;

            namespace Shop.Api
            {
                public sealed class Order { public int Id { get; set; } }

                public static class Payloads
                {
                    public static string Pretty(Order order) => JsonSerializer.Serialize(order, new JsonSerializerOptions { WriteIndented = true });

                    public static string Compact(Order order) => JsonSerializer.Serialize(order);
                }
            }
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MIG2109_and_MIG2110_DeserializeObject_without_a_generic_type()
    {
        await Test(
            """
            using System;
            using Newtonsoft.Json;

            namespace Shop.Api
            {
                public static class Payloads
                {
                    public static object Read(string json, Type type) => JsonConvert.{|MIG2110:DeserializeObject|}(json, type);
                }
            }
            """,
            """
            using System;
            using System.Text.Json;

            namespace Shop.Api
            {
                public static class Payloads
                {
                    public static object Read(string json, Type type) => JsonSerializer.Deserialize(json, type);
                }
            }
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MIG2111_to_MIG2113_attributes_map_where_System_Text_Json_has_the_same_meaning()
    {
        await Test(
            """
            using System.Collections.Generic;
            using Newtonsoft.Json;

            namespace Shop.Api
            {
                public class OrderDto
                {
                    [{|MIG2111:JsonConstructor|}]
                    public OrderDto(int id, string customer)
                    {
                        Id = id;
                        Customer = customer;
                    }

                    [{|MIG2103:{|MIG2113:JsonProperty(Required = Required.Always)|}|}]
                    public int Id { get; }

                    [{|MIG2103:{|MIG2113:JsonProperty(Required = Required.AllowNull)|}|}]
                    public string Customer { get; }

                    [{|MIG2112:JsonExtensionData|}]
                    public Dictionary<string, object> Extra { get; set; }

                    [{|MIG2112:JsonExtensionData|}]
                    public IDictionary<string, object> More { get; set; }
                }
            }
            """,
            """
            using System.Collections.Generic;
            using System.Text.Json.Serialization;

            namespace Shop.Api
            {
                public class OrderDto
                {
                    [JsonConstructor]
                    public OrderDto(int id, string customer)
                    {
                        Id = id;
                        Customer = customer;
                    }

                    [JsonRequired]
                    public int Id { get; }

                    [JsonRequired]
                    public string Customer { get; }

                    [JsonExtensionData]
                    public Dictionary<string, object> Extra { get; set; }

                    [JsonExtensionData]
                    public IDictionary<string, object> More { get; set; }
                }
            }
            """).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Untyped_reads_other_formatting_JToken_extension_data_and_other_Required_values_have_no_fix()
    {
        var source = """
            using System.Collections.Generic;
            using Newtonsoft.Json;
            using Newtonsoft.Json.Linq;

            namespace Shop.Api
            {
                public class OrderDto
                {
                    [{|MIG2103:{|MIG2113:JsonProperty(Required = Required.DisallowNull)|}|}]
                    public string Note { get; set; }

                    [{|MIG2103:{|MIG2113:JsonProperty("code", Required = Required.Always)|}|}]
                    public string Code { get; set; }

                    [{|MIG2103:{|MIG2113:JsonProperty(Required = Required.Default)|}|}]
                    public string Comment { get; set; }

                    [{|MIG2112:JsonExtensionData|}]
                    public IDictionary<string, {|MIG2107:JToken|}> Raw { get; set; }
                }

                public static class Payloads
                {
                    public static string Either(OrderDto order, Formatting formatting) => JsonConvert.{|MIG2108:SerializeObject|}(order, formatting);

                    public static object ReadAnything(string json) => JsonConvert.{|MIG2109:DeserializeObject|}(json);
                }
            }
            """;
        await Test(source, source).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Code_already_on_System_Text_Json_is_not_reported()
    {
        var source = """
            using System;
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Serialization;

            namespace Shop.Api
            {
                public class OrderDto
                {
                    [JsonConstructor]
                    public OrderDto(int id) => Id = id;

                    [JsonRequired]
                    [JsonPropertyName("id")]
                    public int Id { get; }

                    [JsonExtensionData]
                    public Dictionary<string, object> Extra { get; set; }
                }

                public static class Payloads
                {
                    private static readonly JsonSerializerOptions Indented = new JsonSerializerOptions { WriteIndented = true };

                    public static string Pretty(OrderDto order) => JsonSerializer.Serialize(order, Indented);

                    public static object Read(string json, Type type) => JsonSerializer.Deserialize(json, type);
                }
            }
            """;
        await Test(source, source).RunAsync(CancellationToken.None);
    }
}
