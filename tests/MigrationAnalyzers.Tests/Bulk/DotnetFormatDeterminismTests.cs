using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Bulk;

/// <summary>
/// <c>dotnet format analyzers --severity info</c> on a small PostgreSQL history gives the same bytes every time.
/// Before the shared one-by-one Fix All it did not: dotnet format fixes the reported IDs in the order of a string hash
/// set (randomized per process), starts each Fix All from the equivalence key of whichever diagnostic it sees first
/// (the batch fixer then fixed nothing when that one had no fix), and hands a second fixer of an ID the diagnostics
/// computed before the first one changed the text. And MIG1040's expand step wrote its copy into the migration of its
/// triggers, which MIG1020 then reported and split only when its turn came after MIG1040's.
/// The SET LOCAL lock_timeout that MIG1193's fix (on here, as no preset is loaded) writes first in Up once kept MIG1002's and
/// MIG1020's fixes from running when its turn came before theirs; a timeout setting now needs no inverse and stays put.
/// </summary>
public class DotnetFormatDeterminismTests
{
    private const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net8.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <!-- Only this package's rules matter here; the SDK's own analyzers cost time in every run. -->
            <EnableNETAnalyzers>false</EnableNETAnalyzers>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.11" />
          </ItemGroup>
          <ItemGroup>
            <Analyzer Include="{ANALYZERS}/MigrationAnalyzers.dll" />
            <Analyzer Include="{ANALYZERS}/MigrationAnalyzers.CodeFixes.dll" />
          </ItemGroup>
        </Project>
        """;

    private const string Context = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop.Data;

        public class ShopContext : DbContext
        {
            public ShopContext(DbContextOptions<ShopContext> options) : base(options) { }
        }
        """;

    /// <summary>
    /// The rules the history trips; dotnet format fixes each of them at least once here (of these diagnostics only one
    /// MIG1060 is left: an index built in the same Up as other changes gets no concurrent fix). MIG1040's expand step
    /// and MIG1020's split both add migrations, so their order mattered while the expand step wrote a schema-and-data mix.
    /// </summary>
    private static readonly string[] Tripped = { "MIG1001", "MIG1002", "MIG1010", "MIG1020", "MIG1030", "MIG1040", "MIG1060" };

    /// <summary>Seven migrations, as `dotnet ef migrations add` shapes them, that trip the seven rules of <see cref="Tripped"/> between them.</summary>
    private static readonly (string Id, string Up, string? Down)[] History =
    {
        ("20240105090000_CreateCustomers", """
                    migrationBuilder.CreateTable(
                        name: "Customers",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            Name = table.Column<string>(type: "text", nullable: false),
                            Email = table.Column<string>(type: "text", nullable: false),
                            Legacy = table.Column<string>(type: "text", nullable: true)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Customers", x => x.Id);
                        });
            """, """
                    migrationBuilder.DropTable(name: "Customers");
            """),
        ("20240112143000_AddOrders", """
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            CustomerId = table.Column<int>(type: "integer", nullable: false),
                            Total = table.Column<decimal>(type: "numeric", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Orders", x => x.Id);
                        });
            """, null),
        ("20240120100000_AddCustomerPhone", """
                    migrationBuilder.AddColumn<string>(
                        name: "Phone",
                        table: "Customers",
                        type: "text",
                        nullable: true);

                    migrationBuilder.CreateIndex(
                        name: "IX_Customers_Phone",
                        table: "Customers",
                        column: "Phone");
            """, """
                    migrationBuilder.DropIndex(
                        name: "IX_Customers_Phone",
                        table: "Customers");
            """),
        ("20240201100000_AddCustomerTier", """
                    migrationBuilder.AddColumn<int>(
                        name: "Tier",
                        table: "Customers",
                        type: "integer",
                        nullable: false);

                    migrationBuilder.AddColumn<string>(
                        name: "Status",
                        table: "Orders",
                        type: "text",
                        nullable: true);

                    migrationBuilder.Sql("UPDATE \"Orders\" SET \"Status\" = 'open'");
            """, """
                    migrationBuilder.DropColumn(name: "Status", table: "Orders");
                    migrationBuilder.DropColumn(name: "Tier", table: "Customers");
            """),
        ("20240210100000_RenameCustomerEmail", """
                    migrationBuilder.RenameColumn(
                        name: "Email",
                        table: "Customers",
                        newName: "EmailAddress");
            """, """
                    migrationBuilder.RenameColumn(
                        name: "EmailAddress",
                        table: "Customers",
                        newName: "Email");
            """),
        ("20240220100000_DropLegacy", """
                    migrationBuilder.DropColumn(
                        name: "Legacy",
                        table: "Customers");
            """, """
                    migrationBuilder.AddColumn<string>(name: "Legacy", table: "Customers", type: "text", nullable: true);
            """),
        ("20240221100000_IndexOrderCustomers", """
                    migrationBuilder.CreateIndex(
                        name: "IX_Orders_CustomerId",
                        table: "Orders",
                        column: "CustomerId");
            """, """
                    migrationBuilder.DropIndex(name: "IX_Orders_CustomerId", table: "Orders");
            """),
    };

    [Fact]
    public void Bulk_fixing_gives_the_same_bytes_every_run_and_leaves_nothing_to_fix_and_no_rule_more_frequent()
    {
        var directory = Directory.CreateTempSubdirectory("mig-format-determinism-").FullName;
        try
        {
            var analyzers = Path.GetDirectoryName(typeof(MigrationAnalyzers.Rules.Migrations.SchemaAndDataInOneMigrationAnalyzer).Assembly.Location)!;
            File.WriteAllText(Path.Combine(directory, "Shop.csproj"), ProjectFile.Replace("{ANALYZERS}", analyzers));
            File.WriteAllText(Path.Combine(directory, "ShopContext.cs"), Context);
            File.WriteAllText(Path.Combine(directory, ".editorconfig"), "root = true\n\n[*.cs]\nmigration_analyzers.deployment = rolling\n");
            WriteHistory(directory);

            // One restore; every run below reuses it on a fresh copy of the sources. What each run found before fixing
            // comes from its --report (the same list --verify-no-changes prints), which spares separate verify runs.
            Succeed(directory, "restore Shop.csproj");
            var before = new Dictionary<string, int>(StringComparer.Ordinal);
            string? first = null;
            for (var run = 1; run <= 3; run++)
            {
                WriteHistory(directory);
                var found = Format(directory);
                if (run == 1)
                {
                    before = found;
                    var missing = Tripped.Where(id => !before.ContainsKey(id)).ToList();
                    Assert.True(missing.Count == 0, $"the history no longer trips {string.Join(", ", missing)}, so the runs prove less than they claim: " + Describe(before));
                }

                Assert.True(Describe(before) == Describe(found), $"run {run} of dotnet format found other diagnostics than run 1: {Describe(found)}; run 1: {Describe(before)}");

                var output = Snapshot(directory);
                first ??= output;
                Assert.True(first == output, $"run {run} of dotnet format wrote other bytes than run 1:\n--- run 1:\n{first}\n--- run {run}:\n{output}");
            }

            // A second run on the output changes nothing, and what it still reports is no more than before, rule by rule.
            var after = Format(directory);
            Assert.Equal(first, Snapshot(directory));
            var more = after.Where(pair => pair.Value > (before.TryGetValue(pair.Key, out var count) ? count : 0)).ToList();
            Assert.True(more.Count == 0, $"bulk fixing made rules more frequent: before {Describe(before)}; after {Describe(after)}");
            Assert.True(after.Values.Sum() < before.Values.Sum(), $"bulk fixing fixed nothing: before {Describe(before)}; after {Describe(after)}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void WriteHistory(string directory)
    {
        var migrations = Path.Combine(directory, "Migrations");
        if (Directory.Exists(migrations))
        {
            Directory.Delete(migrations, recursive: true);
        }

        Directory.CreateDirectory(migrations);
        foreach (var (id, up, down) in History)
        {
            var name = id.Substring(id.IndexOf('_') + 1);
            var downMethod = down is null ? string.Empty : $$"""


                        protected override void Down(MigrationBuilder migrationBuilder)
                        {
                {{down}}
                        }
                """;
            File.WriteAllText(Path.Combine(migrations, id + ".cs"), $$"""
                using System;
                using Microsoft.EntityFrameworkCore.Infrastructure;
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace Shop.Data.Migrations
                {
                    [DbContext(typeof(ShopContext))]
                    [Migration("{{id}}")]
                    public partial class {{name}} : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                {{up}}
                        }{{downMethod}}
                    }
                }

                """);
        }
    }

    /// <summary>Every source file of the project, by name, with its bytes as text.</summary>
    private static string Snapshot(string directory)
        => string.Join("\n", Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => "=== " + Path.GetRelativePath(directory, path) + "\n" + File.ReadAllText(path)));

    /// <summary>
    /// Runs <c>dotnet format analyzers --severity info</c> and returns how often it found each MIG rule before fixing
    /// (its report lists each diagnostic once, with file and position).
    /// </summary>
    private static Dictionary<string, int> Format(string directory)
    {
        var report = Path.Combine(directory, "format-report.json");
        File.Delete(report);
        Succeed(directory, "format analyzers Shop.csproj --severity info --no-restore --report " + report);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        return json.RootElement.EnumerateArray()
            .SelectMany(file => file.GetProperty("FileChanges").EnumerateArray())
            .Select(change => change.GetProperty("DiagnosticId").GetString() ?? string.Empty)
            .Where(id => Regex.IsMatch(id, @"^MIG\d{4}$"))
            .GroupBy(id => id)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
    }

    private static string Describe(Dictionary<string, int> counts)
        => string.Join(", ", counts.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} x{pair.Value}"));

    /// <summary>
    /// Dynamic PGO instruments methods for a process that lives long enough to profit; each short dotnet format run
    /// spends about a second of CPU on it for nothing. It changes how code is compiled, not what it does.
    /// </summary>
    private static readonly Dictionary<string, string> Cheaper = new(StringComparer.Ordinal) { ["DOTNET_TieredPGO"] = "0" };

    private static (int ExitCode, string Output) Run(string directory, string arguments)
        => DotnetCli.Run(directory, arguments, TimeSpan.FromMinutes(4), Cheaper);

    private static string Succeed(string directory, string arguments)
    {
        var (exitCode, output) = Run(directory, arguments);
        Assert.True(exitCode == 0, "dotnet " + arguments + " failed:\n" + output);
        return output;
    }
}
