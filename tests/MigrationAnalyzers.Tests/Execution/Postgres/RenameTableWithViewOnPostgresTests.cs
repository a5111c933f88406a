using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution.Postgres;

/// <summary>
/// MIG1040's fix for a table rename on PostgreSQL with rows, as a rolling deployment runs it: after the fixed migration
/// the old application version reads and writes through the view under the old name (its inserts get the table's
/// generated key and defaults) and the new one through the renamed table, and each sees the other's rows. Down drops the
/// view and renames the table back with every row. The contract step of the rule page drops the view, and its Down
/// creates it again.
/// </summary>
[Collection(PostgresCollection.Name)]
public class RenameTableWithViewOnPostgresTests
{
    private const string CreateCustomers = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations
        {
            [DbContext(typeof(AppDbContext))]
            [Migration("20240101000000_CreateCustomers")]
            public class CreateCustomers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Customers",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "serial", nullable: false),
                            Name = table.Column<string>(type: "text", nullable: false),
                            Country = table.Column<string>(type: "text", nullable: false, defaultValue: "NL")
                        },
                        constraints: table => table.PrimaryKey("PK_Customers", x => x.Id));
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Customers");
            }
        }
        """;

    private const string Rename = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations
        {
            [DbContext(typeof(AppDbContext))]
            [Migration("20240301090000_RenameCustomersToClients")]
            public class RenameCustomersToClients : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameTable(
                        name: "Customers",
                        newName: "Clients");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameTable(
                        name: "Clients",
                        newName: "Customers");
                }
            }
        }
        """;

    /// <summary>The contract step of rules/MIG1040.md, once no running version uses Customers; its Down is the expand state again.</summary>
    public const string Contract = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Shop.Data;

        namespace Shop.Data.Migrations
        {
            [DbContext(typeof(AppDbContext))]
            [Migration("20240401000000_DropCustomersView")]
            public class DropCustomersView : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("DROP VIEW \"Customers\";");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("CREATE VIEW \"Customers\" AS SELECT * FROM \"Clients\";");
                }
            }
        }
        """;

    private const string Created = "20240101000000_CreateCustomers";
    private const string Renamed = "20240301090000_RenameCustomersToClients";
    private const string Contracted = "20240401000000_DropCustomersView";

    /// <summary>The history before the fix, by path.</summary>
    public static Dictionary<string, string> History() => new()
    {
        ["/src/AppDbContext.cs"] = Sources.DbContext,
        ["/src/Migrations/20240101000000_CreateCustomers.cs"] = CreateCustomers,
        ["/src/Migrations/20240301090000_RenameCustomersToClients.cs"] = Rename,
    };

    [SkippableFact]
    public async Task Old_and_new_versions_share_the_rows_through_view_and_table_and_Down_restores_the_table()
    {
        PostgresServer.SkipUnlessAvailable();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var token = timeout.Token;

        var (fixedSources, remaining) = await CodeFixApplier.ApplyAsync(
            new OneStepRenameAnalyzer(),
            new RenameTableWithViewCodeFix(),
            History().Select(pair => (pair.Key, pair.Value)),
            token,
            RenameTableWithViewCodeFix.EquivalenceKey,
            new Dictionary<string, string> { ["migration_analyzers.target_database"] = "postgresql" });
        Assert.Contains("CREATE VIEW \\\"Customers\\\" AS SELECT * FROM \\\"Clients\\\";", fixedSources["/src/Migrations/20240301090000_RenameCustomersToClients.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain(remaining, d => d.Id == "MIG1040");

        var assembly = InMemoryCompiler.Compile(fixedSources.Values.Append(Contract));
        var connectionString = await PostgresServer.CreateDatabaseAsync("mig1040_table_view", token);
        var runner = new PostgresEfRunner(assembly, connectionString);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        async Task Sql(string sql) => await PostgresServer.ExecuteAsync(connection, sql, token);
        async Task<string> Rows(string relation) => string.Join("; ", await PackageDiagnostics.RowsAsync(connectionString, $"SELECT \"Id\", \"Name\", \"Country\" FROM \"{relation}\" ORDER BY \"Id\""));
        async Task<long> Count(string sql) => await PostgresServer.ScalarAsync<long>(connection, sql, token);

        runner.MigrateTo(Created);
        await Sql("INSERT INTO \"Customers\" (\"Name\") VALUES ('Ada'), ('Grace')");

        // The fixed migration: the table is Clients, and Customers is a view over it.
        runner.MigrateTo(Renamed);
        Assert.Equal(1, await Count("SELECT count(*) FROM pg_views WHERE viewname = 'Customers'"));
        Assert.Equal(1, await Count("SELECT count(*) FROM pg_tables WHERE tablename = 'Clients'"));

        // The old version writes through the old name (the key and the default come from the table), the new one through the new name.
        // EF Core inserts with RETURNING to read the generated key back, which a view over one table supports.
        Assert.Equal(3, await PostgresServer.ScalarAsync<int>(connection, "INSERT INTO \"Customers\" (\"Name\") VALUES ('old writer') RETURNING \"Id\"", token));
        await Sql("INSERT INTO \"Clients\" (\"Name\", \"Country\") VALUES ('new writer', 'BE')");
        await Sql("UPDATE \"Customers\" SET \"Country\" = 'FR' WHERE \"Name\" = 'Grace'");
        await Sql("UPDATE \"Clients\" SET \"Name\" = 'Ada L.' WHERE \"Id\" = 1");
        const string AllRows = "1 | Ada L. | NL; 2 | Grace | FR; 3 | old writer | NL; 4 | new writer | BE";
        Assert.Equal(AllRows, await Rows("Customers"));
        Assert.Equal(AllRows, await Rows("Clients"));

        // Down: the view goes first, then the table is Customers again with every row.
        runner.MigrateTo(Created);
        Assert.Equal(0, await Count("SELECT count(*) FROM pg_views WHERE viewname = 'Customers'"));
        Assert.Equal(0, await Count("SELECT count(*) FROM pg_tables WHERE tablename = 'Clients'"));
        Assert.Equal(1, await Count("SELECT count(*) FROM pg_tables WHERE tablename = 'Customers'"));
        Assert.Equal(AllRows, await Rows("Customers"));

        // Up again and the contract step: the view goes, the table keeps every row and takes new ones.
        runner.MigrateTo(Contracted);
        Assert.Equal(0, await Count("SELECT count(*) FROM pg_views WHERE viewname = 'Customers'"));
        Assert.Equal(AllRows, await Rows("Clients"));
        await Sql("INSERT INTO \"Clients\" (\"Name\") VALUES ('after contract')");

        // The contract's Down puts the view back, over the same rows.
        runner.MigrateTo(Renamed);
        Assert.Equal(AllRows + "; 5 | after contract | NL", await Rows("Customers"));
        runner.MigrateTo(Migration.InitialDatabase);
        Assert.Equal(0, await Count("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('Customers', 'Clients')"));
    }
}
