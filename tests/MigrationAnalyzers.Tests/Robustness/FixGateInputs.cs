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
        // PostgreSQL: the expand step's triggers need a known dialect, and SQLite's cannot fill the old NOT NULL column, so
        // on SQLite or an unknown target the rule offers no fix.
        yield return EfCore("MIG1040 rename and MIG1001 missing Down", PostgreSql,
            ("20240801090000_CreateOrders", """
                        migrationBuilder.CreateTable(
                            name: "Orders",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false),
                                Total = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
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
                        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", type: "text", nullable: true);
                        migrationBuilder.AddColumn<string>(name: "Reference", table: "Orders", type: "text", nullable: true);
                """, null),
            ("20240804090000_AddOrderFlags", """
                        migrationBuilder.AddColumn<bool>(name: "Gift", table: "Orders", type: "boolean", nullable: true);
                """, null));

        // MIG1040 (RenameTableWithViewCodeFix): two table renames on PostgreSQL, each kept with a view under the old name.
        yield return EfCore("MIG1040 table renames on PostgreSQL", PostgreSql,
            ("20240811090000_CreateParties", """
                        migrationBuilder.CreateTable(
                            name: "Customers",
                            columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                            constraints: table => table.PrimaryKey("PK_Customers", x => x.Id));
                        migrationBuilder.CreateTable(
                            name: "Suppliers",
                            schema: "purchasing",
                            columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                            constraints: table => table.PrimaryKey("PK_Suppliers", x => x.Id));
                """, """
                        migrationBuilder.DropTable(name: "Suppliers", schema: "purchasing");
                        migrationBuilder.DropTable(name: "Customers");
                """),
            ("20240812090000_RenameParties", """
                        migrationBuilder.RenameTable(name: "Customers", newName: "Clients");
                        migrationBuilder.RenameTable(name: "Suppliers", schema: "purchasing", newName: "Vendors", newSchema: "purchasing");
                """, """
                        migrationBuilder.RenameTable(name: "Vendors", schema: "purchasing", newName: "Suppliers", newSchema: "purchasing");
                        migrationBuilder.RenameTable(name: "Clients", newName: "Customers");
                """));

        // MIG1120 (NotValidConstraintCodeFix): a foreign key and a check constraint added to an existing PostgreSQL table.
        yield return EfCore("MIG1120 constraints on an existing PostgreSQL table", PostgreSql,
            ("20240901090000_CreateShop", """
                        migrationBuilder.CreateTable(
                            name: "Customers",
                            columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                            constraints: table => table.PrimaryKey("PK_Customers", x => x.Id));
                        migrationBuilder.CreateTable(
                            name: "Orders",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false),
                                CustomerId = table.Column<int>(type: "integer", nullable: false),
                                Total = table.Column<decimal>(type: "numeric", nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
                """, """
                        migrationBuilder.DropTable(name: "Orders");
                        migrationBuilder.DropTable(name: "Customers");
                """),
            ("20240902090000_ConstrainOrders", """
                        migrationBuilder.AddForeignKey(
                            name: "FK_Orders_Customers_CustomerId",
                            table: "Orders",
                            column: "CustomerId",
                            principalTable: "Customers",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Cascade);

                        migrationBuilder.AddCheckConstraint(name: "CK_Orders_Total", table: "Orders", sql: "\"Total\" >= 0");
                """, """
                        migrationBuilder.DropCheckConstraint(name: "CK_Orders_Total", table: "Orders");
                        migrationBuilder.DropForeignKey(name: "FK_Orders_Customers_CustomerId", table: "Orders");
                """));

        // MIG1140 (VolatileDefaultCodeFix): nullable columns added to an existing PostgreSQL table with a volatile default.
        yield return EfCore("MIG1140 volatile defaults on an existing PostgreSQL table", PostgreSql,
            ("20240911090000_CreateOrders", """
                        migrationBuilder.CreateTable(
                            name: "Orders",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false),
                                Total = table.Column<decimal>(type: "numeric", nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
                """, """
                        migrationBuilder.DropTable(name: "Orders");
                """),
            ("20240912090000_AddOrderIds", """
                        migrationBuilder.AddColumn<System.Guid>(
                            name: "PublicId",
                            table: "Orders",
                            type: "uuid",
                            nullable: true,
                            defaultValueSql: "gen_random_uuid()");

                        migrationBuilder.AddColumn<System.DateTime>(name: "SeenAt", table: "Orders", type: "timestamp with time zone", nullable: true, defaultValueSql: "clock_timestamp()");
                """, """
                        migrationBuilder.DropColumn(name: "SeenAt", table: "Orders");
                        migrationBuilder.DropColumn(name: "PublicId", table: "Orders");
                """));

        // MIG1050 (NotNullWithCheckCodeFix): two backfilled PostgreSQL columns made NOT NULL, each in a migration of its own.
        yield return EfCore("MIG1050 NOT NULL after a backfill on PostgreSQL", PostgreSql,
            ("20240911090000_CreateUsers", """
                        migrationBuilder.CreateTable(
                            name: "Users",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false),
                                Email = table.Column<string>(type: "text", nullable: true),
                                Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                            },
                            constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
                """, """
                        migrationBuilder.DropTable(name: "Users");
                """),
            ("20240912090000_BackfillUsers", """
                        migrationBuilder.Sql("UPDATE \"Users\" SET \"Email\" = '', \"Name\" = '' WHERE \"Email\" IS NULL OR \"Name\" IS NULL");
                """, """
                        // The filled rows keep their value.
                """),
            ("20240913090000_RequireUserEmail", """
                        migrationBuilder.AlterColumn<string>(
                            name: "Email",
                            table: "Users",
                            type: "text",
                            nullable: false,
                            oldClrType: typeof(string),
                            oldType: "text",
                            oldNullable: true);
                """, """
                        migrationBuilder.AlterColumn<string>(
                            name: "Email",
                            table: "Users",
                            type: "text",
                            nullable: true,
                            oldClrType: typeof(string),
                            oldType: "text",
                            oldNullable: false);
                """),
            ("20240914090000_RequireUserName", """
                        migrationBuilder.AlterColumn<string>(
                            name: "Name",
                            table: "Users",
                            type: "character varying(100)",
                            maxLength: 100,
                            nullable: false,
                            oldClrType: typeof(string),
                            oldType: "character varying(100)",
                            oldMaxLength: 100,
                            oldNullable: true);
                """, """
                        migrationBuilder.AlterColumn<string>(
                            name: "Name",
                            table: "Users",
                            type: "character varying(100)",
                            maxLength: 100,
                            nullable: true,
                            oldClrType: typeof(string),
                            oldType: "character varying(100)",
                            oldMaxLength: 100,
                            oldNullable: false);
                """));

        // MIG1020 (SplitSchemaAndDataCodeFix): two migrations that each add a column and backfill it in the same step.
        yield return EfCore("MIG1020 schema and data in one migration", null,
            ("20241001090000_AddOrderStatus", """
                        migrationBuilder.AddColumn<int>(name: "Status", table: "Orders", type: "INTEGER", nullable: true);

                        // Orders placed before statuses existed are open.
                        migrationBuilder.Sql("UPDATE Orders SET Status = 0 WHERE Status IS NULL");
                """, """
                        migrationBuilder.DropColumn(name: "Status", table: "Orders");
                """),
            ("20241002090000_AddOrderChannel", """
                        migrationBuilder.AddColumn<string>(name: "Channel", table: "Orders", type: "TEXT", nullable: true);

                        // Every order before this migration came through the web shop.
                        migrationBuilder.Sql("UPDATE Orders SET Channel = 'web' WHERE Channel IS NULL");
                """, """
                        migrationBuilder.DropColumn(name: "Channel", table: "Orders");
                """));

        // MIG1020 (SplitSchemaAndDataCodeFix): the moved data change declares a lambda parameter and a local of its own.
        yield return EfCore("MIG1020 moved code with lambda locals", null,
            ("20241003090000_AddCountryCodes", """
                        migrationBuilder.AddColumn<string>(name: "Code", table: "Countries", type: "TEXT", nullable: true);
                        migrationBuilder.InsertData(table: "Countries", column: "Code", values: System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(new[] { "nl", "be" }, code => { var upper = code.ToUpperInvariant(); return (object)upper; })));
                """, """
                        migrationBuilder.DropColumn(name: "Code", table: "Countries");
                """));

        // The efcore rule pack (RulePackCodeFix): entity-level HasCheckConstraint, obsolete since EF Core 7, twice in one model.
        yield return new FuzzUnit("efcore pack: entity-level HasCheckConstraint", ImmutableArray.Create(("/0/Data/OrderModel.cs", """
            using Microsoft.EntityFrameworkCore;

            namespace Shop.Data
            {
                public class Order
                {
                    public int Id { get; set; }
                    public decimal Total { get; set; }
                }

                public class Customer
                {
                    public int Id { get; set; }
                    public string Email { get; set; } = "";
                }

                public static class OrderModel
                {
                    public static void Configure(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Order>()
                            .HasCheckConstraint("CK_Orders_Total", "Total >= 0")
                            .HasKey(o => o.Id);
                        modelBuilder.Entity<Customer>()
                            .HasCheckConstraint("CK_Customers_Email", "Email <> ''")
                            .HasKey(c => c.Id);
                    }
                }
            }
            """)));

        // MIG3005 (DelegateAsyncInvocationCodeFix): BeginInvoke, which .NET (Core) does not support, twice in one file.
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

        // MIG1050 (NotNullWithCheckCodeFix, FluentMigrator form): two backfilled PostgreSQL columns made NOT NULL with
        // Alter.Column, each in a migration of its own; the fix sets NOT NULL in raw SQL in the migration it adds.
        yield return new FuzzUnit("MIG1050 FluentMigrator NOT NULL after a backfill on PostgreSQL", ImmutableArray.Create(
            ("/0/settings.globalconfig", PostgreSql),
            ("/0/Migrations/0001_CreateUsers.cs", """
                using FluentMigrator;

                namespace Shop.Migrations
                {
                    [Migration(1)]
                    public class CreateUsers : Migration
                    {
                        public override void Up()
                        {
                            Create.Table("Users")
                                .WithColumn("Id").AsInt32().PrimaryKey()
                                .WithColumn("Email").AsString(200).Nullable()
                                .WithColumn("Name").AsString(100).Nullable();
                            Execute.Sql("UPDATE \"Users\" SET \"Email\" = '', \"Name\" = '' WHERE \"Email\" IS NULL OR \"Name\" IS NULL");
                        }

                        public override void Down()
                        {
                            Delete.Table("Users");
                        }
                    }
                }
                """),
            ("/0/Migrations/0010_RequireUserEmail.cs", """
                using FluentMigrator;

                namespace Shop.Migrations
                {
                    [Migration(10)]
                    public class RequireUserEmail : Migration
                    {
                        public override void Up()
                        {
                            Alter.Column("Email").OnTable("Users").AsString(200).NotNullable();
                        }

                        public override void Down()
                        {
                            Alter.Column("Email").OnTable("Users").AsString(200).Nullable();
                        }
                    }
                }
                """),
            ("/0/Migrations/0020_RequireUserName.cs", """
                using FluentMigrator;

                namespace Shop.Migrations
                {
                    [Migration(20)]
                    public class RequireUserName : Migration
                    {
                        public override void Up()
                        {
                            Alter.Column("Name").OnTable("Users").AsString(100).NotNullable();
                        }

                        public override void Down()
                        {
                            Alter.Column("Name").OnTable("Users").AsString(100).Nullable();
                        }
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

        // MIG1191 (JsonbColumnTypeCodeFix, an opt-in rule): json columns a PostgreSQL migration creates and adds.
        yield return EfCore("MIG1191 new json columns on PostgreSQL", PostgreSql,
            ("20241001090000_CreateEvents", """
                        migrationBuilder.CreateTable(
                            name: "Events",
                            columns: table => new
                            {
                                Id = table.Column<long>(type: "bigint", nullable: false),
                                Payload = table.Column<string>(type: "json", nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_Events", x => x.Id));
                        migrationBuilder.AddColumn<string>(name: "Headers", table: "Events", type: "json", nullable: true);
                """, """
                        migrationBuilder.DropTable(name: "Events");
                """));

        // MIG1190 (BigintIdentityCodeFix, an opt-in rule): new tables with int identity keys, one referring to the other.
        yield return EfCore("MIG1190 int identity keys of new PostgreSQL tables", PostgreSql,
            ("20241101090000_CreateCustomersAndInvoices", """
                        migrationBuilder.CreateTable(
                            name: "Customers",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false)
                                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                                Name = table.Column<string>(type: "text", nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_Customers", x => x.Id));
                        migrationBuilder.CreateTable(
                            name: "Invoices",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false)
                                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                                CustomerId = table.Column<int>(type: "integer", nullable: true)
                            },
                            constraints: table =>
                            {
                                table.PrimaryKey("PK_Invoices", x => x.Id);
                                table.ForeignKey(name: "FK_Invoices_Customers_CustomerId", column: x => x.CustomerId, principalTable: "Customers", principalColumn: "Id");
                            });
                """, """
                        migrationBuilder.DropTable(name: "Invoices");
                        migrationBuilder.DropTable(name: "Customers");
                """));

        // MIG1193 (LockTimeoutCodeFix, an opt-in rule): PostgreSQL migrations that alter an existing table without lock_timeout.
        yield return EfCore("MIG1193 locking DDL without lock_timeout on PostgreSQL", PostgreSql,
            ("20241201090000_CreateShipments", """
                        migrationBuilder.CreateTable(
                            name: "Shipments",
                            columns: table => new
                            {
                                Id = table.Column<long>(type: "bigint", nullable: false),
                                Carrier = table.Column<string>(type: "text", nullable: true)
                            },
                            constraints: table => table.PrimaryKey("PK_Shipments", x => x.Id));
                """, """
                        migrationBuilder.DropTable(name: "Shipments");
                """),
            ("20241202090000_AddShipmentTracking", """
                        migrationBuilder.AddColumn<string>(name: "Tracking", table: "Shipments", type: "text", nullable: true);
                """, """
                        migrationBuilder.DropColumn(name: "Tracking", table: "Shipments");
                """),
            ("20241203090000_AddShipmentWeight", """
                        // Weight in grams.
                        migrationBuilder.AddColumn<long>(name: "Weight", table: "Shipments", type: "bigint", nullable: true);
                """, """
                        migrationBuilder.DropColumn(name: "Weight", table: "Shipments");
                """));

        // MIG1130 (UniqueConstraintUsingIndexCodeFix): a unique constraint and a primary key on NOT NULL columns of an
        // existing PostgreSQL table, each alone in its migration.
        yield return EfCore("MIG1130 unique constraint and primary key on an existing PostgreSQL table", PostgreSql,
            ("20250101090000_CreateCoupons", """
                        migrationBuilder.CreateTable(
                            name: "Coupons",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "integer", nullable: false),
                                Code = table.Column<string>(type: "text", nullable: false)
                            });
                """, """
                        migrationBuilder.DropTable(name: "Coupons");
                """),
            ("20250102090000_AddCouponKey", """
                        migrationBuilder.AddPrimaryKey(name: "PK_Coupons", table: "Coupons", column: "Id");
                """, """
                        migrationBuilder.DropPrimaryKey(name: "PK_Coupons", table: "Coupons");
                """),
            ("20250103090000_AddCouponCodeKey", """
                        migrationBuilder.AddUniqueConstraint(name: "AK_Coupons_Code", table: "Coupons", column: "Code");
                """, """
                        migrationBuilder.DropUniqueConstraint(name: "AK_Coupons_Code", table: "Coupons");
                """));

        // MIG3121 (RulePackCodeFix, built-in pack rewrite): two hash types obsolete from .NET 6, each with a Create() factory.
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
