using System.Collections.Generic;
using System.Collections.Immutable;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Robustness;

/// <summary>
/// Inputs written for the fix gate, one per fix the sampled sources do not reach: each offers its fix at least once,
/// next to a second finding of the same rule so that Fix All has something to order. A file ending in .globalconfig
/// carries settings for its unit (the gate adds them to the rolling deployment every unit has).
/// </summary>
public static class FixGateInputs
{
    private const string PostgreSql = "is_global = true\nmigration_analyzers.target_database = postgresql\n";

    public static IEnumerable<FuzzUnit> All()
    {
        // MIG1060 (NonBlockingIndexCodeFix): indexes on existing tables of a PostgreSQL history, each in a migration of its own.
        yield return EfCore("MIG1060 indexes on existing PostgreSQL tables", PostgreSql,
            ("20240501090000_CreateOrders", """
                        migrationBuilder.CreateTable(
                            name: "Orders",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false),
                                Total = table.Column<decimal>(type: "numeric", nullable: false),
                                Code = table.Column<string>(type: "text", nullable: true)
                            },
                            constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
                """, """
                        migrationBuilder.DropTable(name: "Orders");
                """),
            ("20240502090000_IndexOrderTotals", """
                        migrationBuilder.CreateIndex(name: "IX_Orders_Total", table: "Orders", column: "Total");
                """, """
                        migrationBuilder.DropIndex(name: "IX_Orders_Total", table: "Orders");
                """),
            ("20240503090000_IndexOrderCodes", """
                        migrationBuilder.CreateIndex(name: "IX_Orders_Code", table: "Orders", column: "Code");
                """, """
                        migrationBuilder.DropIndex(name: "IX_Orders_Code", table: "Orders");
                """));

        // MIG1150 (SuppressTransactionCodeFix): concurrent index SQL that EF Core would run inside its transaction.
        yield return EfCore("MIG1150 concurrent index SQL inside the transaction", PostgreSql,
            ("20240601090000_IndexOrderTotalsConcurrently", """
                        migrationBuilder.Sql("CREATE INDEX CONCURRENTLY \"IX_Orders_Total\" ON \"Orders\" (\"Total\");");
                """, """
                        migrationBuilder.Sql("DROP INDEX CONCURRENTLY \"IX_Orders_Total\";");
                """));

        // MIG1002 (AddMissingInversesCodeFix): a Down that forgets two of the columns Up adds.
        yield return EfCore("MIG1002 Down forgets columns", null,
            ("20240701090000_AddContactColumns", """
                        migrationBuilder.AddColumn<string>(name: "Email", table: "Users", type: "TEXT", nullable: true);
                        migrationBuilder.AddColumn<string>(name: "Phone", table: "Users", type: "TEXT", nullable: true);
                        migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email");
                """, """
                        migrationBuilder.DropIndex(name: "IX_Users_Email", table: "Users");
                """));

        // MIG1040 (RenameExpandStepCodeFix) and MIG1001 (GenerateDownCodeFix): a rename, and a reversible migration without a Down.
        yield return EfCore("MIG1040 rename and MIG1001 missing Down", null,
            ("20240801090000_CreateOrders", """
                        migrationBuilder.CreateTable(
                            name: "Orders",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "INTEGER", nullable: false),
                                Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
                """, """
                        migrationBuilder.DropTable(name: "Orders");
                """),
            ("20240802090000_RenameTotalToAmount", """
                        migrationBuilder.RenameColumn(name: "Total", table: "Orders", newName: "Amount");
                """, """
                        migrationBuilder.RenameColumn(name: "Amount", table: "Orders", newName: "Total");
                """),
            ("20240803090000_AddOrderNotes", """
                        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", type: "TEXT", nullable: true);
                        migrationBuilder.AddColumn<string>(name: "Reference", table: "Orders", type: "TEXT", nullable: true);
                """, null),
            ("20240804090000_AddOrderFlags", """
                        migrationBuilder.AddColumn<bool>(name: "Gift", table: "Orders", type: "INTEGER", nullable: true);
                """, null));

        // MIG3005 (DelegateAsyncInvocationFix): BeginInvoke, which .NET (Core) does not support, twice in one file.
        yield return new FuzzUnit("MIG3005 delegate BeginInvoke", ImmutableArray.Create(("/0/Import/Importer.cs", """
            using System;
            using System.Threading.Tasks;

            public static class Importer
            {
                public static async Task<string> ImportAsync(Func<string, int> parse, string file)
                {
                    await Task.Yield();
                    var result = parse.BeginInvoke(file, null, null);
                    return (parse.EndInvoke(result) + 1).ToString();
                }

                public static int Import(Func<string, int> parse, string file)
                {
                    var result = parse.BeginInvoke(file, null, null);
                    return parse.EndInvoke(result);
                }
            }
            """)));

        // MIG1003 (ConvertToMigrationWithDownCodeFix): FluentMigrator cannot reverse these expressions by itself.
        yield return new FuzzUnit("MIG1003 AutoReversingMigration with expressions it cannot reverse", ImmutableArray.Create(
            ("/0/Migrations/Initial.cs", """
                using FluentMigrator;

                namespace Shop.Migrations
                {
                    [Migration(1)]
                    public class Initial : Migration
                    {
                        public override void Up()
                        {
                            Create.Table("Users")
                                .WithColumn("Id").AsInt32().PrimaryKey()
                                .WithColumn("Name").AsString(100).NotNullable()
                                .WithColumn("Legacy").AsString(10).Nullable();
                        }

                        public override void Down() => Delete.Table("Users");
                    }
                }
                """),
            ("/0/Migrations/Widen.cs", """
                using FluentMigrator;

                namespace Shop.Migrations
                {
                    [Migration(2)]
                    public class Widen : AutoReversingMigration
                    {
                        public override void Up()
                        {
                            Alter.Column("Name").OnTable("Users").AsString(200).NotNullable();
                            Delete.Column("Legacy").FromTable("Users");
                        }
                    }
                }
                """)));

        // MIG3121 (RulePackCodeFixProvider, built-in pack rewrite): two hash types obsolete from .NET 6, each with a Create() factory.
        yield return new FuzzUnit("MIG3121 obsolete hash constructors", ImmutableArray.Create(("/0/Security/Hashes.cs", """
            using System.Security.Cryptography;

            public static class Hashes
            {
                public static byte[] Sha256(byte[] data)
                {
                    using (var sha = new SHA256Managed())
                    {
                        return sha.ComputeHash(data);
                    }
                }

                public static byte[] Sha1(byte[] data)
                {
                    using (var sha = new SHA1Managed())
                    {
                        return sha.ComputeHash(data);
                    }
                }
            }
            """)));
    }

    /// <summary>An EF Core history of the given migrations (name, Up body, Down body or null for none), with Designer files and the DbContext.</summary>
    private static FuzzUnit EfCore(string name, string? settings, params (string Id, string Up, string? Down)[] migrations)
    {
        var files = new List<(string, string)> { (Sources.DbContextPath, Sources.DbContext) };
        if (settings is not null)
        {
            files.Add(("/0/settings.globalconfig", settings));
        }

        foreach (var (id, up, down) in migrations)
        {
            var className = id.Substring(id.IndexOf('_') + 1);
            files.Add((Sources.DesignerPath(id), Sources.Designer(className, id)));
            var downMethod = down is null ? string.Empty : $$"""


                        protected override void Down(MigrationBuilder migrationBuilder)
                        {
                {{down}}
                        }
                """;
            files.Add((Sources.MigrationPath(id), $$"""
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace Shop.Data.Migrations
                {
                    public partial class {{className}} : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                {{up}}
                        }{{downMethod}}
                    }
                }
                """));
        }

        return new FuzzUnit(name, files.ToImmutableArray());
    }
}
