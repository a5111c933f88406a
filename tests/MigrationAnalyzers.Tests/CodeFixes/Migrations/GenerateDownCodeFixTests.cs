using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Reversal;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.MigrationCannotBeRolledBackAnalyzer>;

namespace MigrationAnalyzers.Tests.CodeFixes.Migrations;

public class GenerateDownCodeFixTests
{
    private const string InitialId = "20240101120000_Initial";
    private const string ChangeId = "20240301090000_Change";

    /// <summary>The first migration of the project: the history the fix reads dropped tables and columns from.</summary>
    private const string Initial = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class Initial : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Customers",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                            Phone = table.Column<string>(type: "TEXT", nullable: true),
                            Nickname = table.Column<string>(type: "TEXT"),
                            Visits = table.Column<int>(type: "INTEGER")
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Customers", x => x.Id);
                        });

                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false),
                            CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                            Total = table.Column<decimal>(type: "TEXT", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Orders", x => x.Id);
                            table.ForeignKey(
                                name: "FK_Orders_Customers_CustomerId",
                                column: x => x.CustomerId,
                                principalTable: "Customers",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_Orders_CustomerId",
                        table: "Orders",
                        column: "CustomerId");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Orders");

                    migrationBuilder.DropTable(
                        name: "Customers");
                }
            }
        }
        """;

    private static CodeFixTest<MigrationCannotBeRolledBackAnalyzer, GenerateDownCodeFix> EfTest(string change, string fixedChange)
    {
        var test = new CodeFixTest<MigrationCannotBeRolledBackAnalyzer, GenerateDownCodeFix>();
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add((Sources.DbContextPath, Sources.DbContext));
            state.Sources.Add((Sources.DesignerPath(InitialId), Sources.Designer("Initial", InitialId)));
            state.Sources.Add((Sources.MigrationPath(InitialId), Initial));
            state.Sources.Add((Sources.DesignerPath(ChangeId), Sources.Designer("Change", ChangeId)));
        }

        test.TestState.Sources.Add((Sources.MigrationPath(ChangeId), change));
        test.FixedState.Sources.Add((Sources.MigrationPath(ChangeId), fixedChange));
        return test;
    }

    private static string EfMigration(string members) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class {|#0:Change|} : Migration
            {
        {{members}}
            }
        }
        """;

    [Fact]
    public async Task Missing_Down_is_written_after_Up_with_each_inverse_in_reverse_order()
    {
        var test = EfTest(
            EfMigration("""
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<string>(
                            name: "Email",
                            table: "Customers",
                            type: "TEXT",
                            maxLength: 200,
                            nullable: true);

                        migrationBuilder.RenameColumn(
                            name: "Total",
                            table: "Orders",
                            newName: "Amount");

                        migrationBuilder.CreateIndex(
                            name: "IX_Customers_Email",
                            table: "Customers",
                            column: "Email",
                            unique: true);
                    }
            """).Replace("{|#0:Change|}", "{|MIG1001:Change|}"),
            EfMigration("""
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<string>(
                            name: "Email",
                            table: "Customers",
                            type: "TEXT",
                            maxLength: 200,
                            nullable: true);

                        migrationBuilder.RenameColumn(
                            name: "Total",
                            table: "Orders",
                            newName: "Amount");

                        migrationBuilder.CreateIndex(
                            name: "IX_Customers_Email",
                            table: "Customers",
                            column: "Email",
                            unique: true);
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropIndex(
                            name: "IX_Customers_Email",
                            table: "Customers");

                        migrationBuilder.RenameColumn(
                            name: "Amount",
                            table: "Orders",
                            newName: "Total");

                        migrationBuilder.DropColumn(
                            name: "Email",
                            table: "Customers");
                    }
            """).Replace("{|#0:Change|}", "Change"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Dropped_table_and_column_are_rebuilt_from_the_earlier_migration_that_created_them()
    {
        const string up = """
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropTable(
                            name: "Orders");

                        migrationBuilder.DropColumn(
                            name: "Phone",
                            table: "Customers");
                    }
            """;
        var test = EfTest(
            EfMigration(up).Replace("{|#0:Change|}", "{|MIG1001:Change|}"),
            EfMigration(up + """


                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<string>(
                            name: "Phone",
                            table: "Customers",
                            type: "TEXT",
                            nullable: true);

                        migrationBuilder.CreateTable(
                            name: "Orders",
                            columns: table => new
                            {
                                Id = table.Column<int>(type: "INTEGER", nullable: false),
                                CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                                Total = table.Column<decimal>(type: "TEXT", nullable: false)
                            },
                            constraints: table =>
                            {
                                table.PrimaryKey("PK_Orders", x => x.Id);
                                table.ForeignKey(
                                    name: "FK_Orders_Customers_CustomerId",
                                    column: x => x.CustomerId,
                                    principalTable: "Customers",
                                    principalColumn: "Id",
                                    onDelete: ReferentialAction.Cascade);
                            });

                        migrationBuilder.CreateIndex(
                            name: "IX_Orders_CustomerId",
                            table: "Orders",
                            column: "CustomerId");
                    }
            """).Replace("{|#0:Change|}", "Change"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Dropped_index_and_foreign_key_follow_a_later_column_rename()
    {
        const string up = """
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.RenameColumn(
                            name: "CustomerId",
                            table: "Orders",
                            newName: "BuyerId");

                        migrationBuilder.DropForeignKey(
                            name: "FK_Orders_Customers_CustomerId",
                            table: "Orders");

                        migrationBuilder.DropIndex(
                            name: "IX_Orders_CustomerId",
                            table: "Orders");
                    }
            """;
        var test = EfTest(
            EfMigration(up).Replace("{|#0:Change|}", "{|MIG1001:Change|}"),
            EfMigration(up + """


                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.CreateIndex(
                            name: "IX_Orders_CustomerId",
                            table: "Orders",
                            column: "BuyerId");

                        migrationBuilder.AddForeignKey(
                            name: "FK_Orders_Customers_CustomerId",
                            table: "Orders",
                            column: "BuyerId",
                            principalTable: "Customers",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Cascade);

                        migrationBuilder.RenameColumn(
                            name: "BuyerId",
                            table: "Orders",
                            newName: "CustomerId");
                    }
            """).Replace("{|#0:Change|}", "Change"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AlterColumn_is_reversed_by_swapping_its_old_arguments_and_an_empty_Down_is_filled_keeping_its_comment_and_parameter_name()
    {
        const string up = """
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AlterColumn<string>(
                            name: "Name",
                            table: "Customers",
                            type: "TEXT",
                            maxLength: 200,
                            nullable: true,
                            oldClrType: typeof(string),
                            oldType: "TEXT",
                            oldMaxLength: 100);
                    }

            """;
        var test = EfTest(
            EfMigration(up + """
                    /// <inheritdoc />
                    protected override void {|MIG1001:Down|}(MigrationBuilder builder)
                    {
                    }
            """).Replace("{|#0:Change|}", "Change"),
            EfMigration(up + """
                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder builder)
                    {
                        builder.AlterColumn<string>(
                            name: "Name",
                            table: "Customers",
                            type: "TEXT",
                            maxLength: 100,
                            oldClrType: typeof(string),
                            oldType: "TEXT",
                            oldMaxLength: 200,
                            oldNullable: true);
                    }
            """).Replace("{|#0:Change|}", "Change"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task InsertData_is_reversed_by_DeleteData_on_the_primary_key()
    {
        const string up = """
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.InsertData(
                            table: "Customers",
                            columns: new[] { "Id", "Name" },
                            values: new object[,]
                            {
                                { 1, "Ada" },
                                { 2, "Grace" }
                            });
                    }

            """;
        var test = EfTest(
            EfMigration(up + """
                    /// <inheritdoc />
                    protected override void {|MIG1001:Down|}(MigrationBuilder migrationBuilder) => throw new System.NotImplementedException();
            """).Replace("{|#0:Change|}", "Change"),
            EfMigration(up + """
                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DeleteData(
                            table: "Customers",
                            keyColumn: "Id",
                            keyValues: new object[] { 1, 2 });
                    }
            """).Replace("{|#0:Change|}", "Change"));

        // A seed-only migration is silent by default (its empty Down is the usual shape); the fix serves those who ask.
        test = test.WithEditorConfig("migration_analyzers.MIG1001.report_data_only = true\n");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Raw_sql_blocks_the_fix_and_the_message_names_it()
    {
        var source = EfMigration("""
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<string>(name: "Email", table: "Customers", nullable: true);
                        migrationBuilder.Sql("UPDATE Customers SET Email = Name || '@example.com'");
                    }
            """).Replace("{|#0:Change|}", "{|#0:Change|}");
        var test = EfTest(source, source);
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1001").WithLocation(0).WithArguments(
            "Change",
            "Down is missing; no Down can be generated because Sql cannot be reversed: raw SQL has no known inverse"));
        test.FixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Dropping_a_column_no_migration_created_blocks_the_fix()
    {
        var source = EfMigration("""
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(name: "LegacyCode", table: "Customers");
                    }
            """);
        var test = EfTest(source, source);
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1001").WithLocation(0).WithArguments(
            "Change",
            "Down is missing; no Down can be generated because DropColumn 'Customers.LegacyCode' cannot be reversed: no earlier migration in this project creates that column"));
        test.FixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_Down_reverses_create_add_index_insert_and_rename()
    {
        const string up = """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(202403010900)]
                public class AddOrders : Migration
                {
                    public override void Up()
                    {
                        Create.Table("Orders")
                            .WithColumn("Id").AsInt32().PrimaryKey()
                            .WithColumn("Total").AsDecimal(10, 2).NotNullable();
                        Alter.Table("Customers").AddColumn("Email").AsString(200).Nullable();
                        Create.Index("IX_Customers_Email").OnTable("Customers").OnColumn("Email").Ascending();
                        Insert.IntoTable("Customers").Row(new { Id = 1, Name = "Ada" });
                        Rename.Column("Phone").OnTable("Customers").To("Telephone");
                    }

                    public override void {|MIG1001:Down|}()
                    {
                    }
                }
            }
            """;
        var test = new CodeFixTest<MigrationCannotBeRolledBackAnalyzer, GenerateDownCodeFix>();
        test.TestState.Sources.Add(up);
        test.FixedState.Sources.Add(up.Replace("{|MIG1001:Down|}", "Down").Replace("""
                    public override void Down()
                    {
                    }
            """, """
                    public override void Down()
                    {
                        Rename.Column("Telephone").OnTable("Customers").To("Phone");
                        Delete.FromTable("Customers")
                            .Row(new { Id = 1, Name = "Ada" });
                        Delete.Index("IX_Customers_Email").OnTable("Customers");
                        Delete.Column("Email").FromTable("Customers");
                        Delete.Table("Orders");
                    }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_deleted_column_and_table_are_rebuilt_from_history()
    {
        const string initial = """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(1)]
                public class Initial : Migration
                {
                    public override void Up()
                    {
                        Create.Table("Customers")
                            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
                            .WithColumn("Name").AsString(100).NotNullable();
                        Create.Table("Notes").WithColumn("Id").AsInt32().PrimaryKey().WithColumn("Text").AsString(int.MaxValue).Nullable();
                        Create.Index("IX_Notes_Text").OnTable("Notes").OnColumn("Text");
                    }

                    public override void Down()
                    {
                        Delete.Table("Notes");
                        Delete.Table("Customers");
                    }
                }
            }
            """;
        const string change = """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(2)]
                public class Cleanup : Migration
                {
                    public override void Up()
                    {
                        Delete.Column("Name").FromTable("Customers");
                        Delete.Table("Notes");
                    }

                    public override void {|MIG1001:Down|}()
                    {
                    }
                }
            }
            """;
        var test = new CodeFixTest<MigrationCannotBeRolledBackAnalyzer, GenerateDownCodeFix>();
        test.TestState.Sources.Add(("/0/Initial.cs", initial));
        test.TestState.Sources.Add(("/0/Cleanup.cs", change));
        test.FixedState.Sources.Add(("/0/Initial.cs", initial));
        test.FixedState.Sources.Add(("/0/Cleanup.cs", change.Replace("{|MIG1001:Down|}", "Down").Replace("""
                    public override void Down()
                    {
                    }
            """, """
                    public override void Down()
                    {
                        Create.Table("Notes")
                            .WithColumn("Id").AsInt32().PrimaryKey()
                            .WithColumn("Text").AsString(int.MaxValue).Nullable();
                        Create.Index("IX_Notes_Text").OnTable("Notes").OnColumn("Text");
                        Create.Column("Name").OnTable("Customers").AsString(100).NotNullable();
                    }
            """)));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Schemas_sequences_keys_and_renames_are_reversed_with_compiling_code()
    {
        const string up = """
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.EnsureSchema(
                            name: "sales");

                        migrationBuilder.CreateSequence<int>(
                            name: "OrderNumbers",
                            schema: "sales",
                            startValue: 1000L);

                        migrationBuilder.RenameTable(
                            name: "Orders",
                            schema: "dbo",
                            newName: "SalesOrders",
                            newSchema: "sales");

                        migrationBuilder.AddUniqueConstraint(
                            name: "AK_Customers_Name",
                            table: "Customers",
                            column: "Name");

                        migrationBuilder.AddForeignKey(
                            name: "FK_Customers_Customers_ReferrerId",
                            table: "Customers",
                            column: "ReferrerId",
                            principalTable: "Customers",
                            principalColumn: "Id");

                        migrationBuilder.RenameIndex(
                            name: "IX_Orders_CustomerId",
                            schema: "sales",
                            table: "SalesOrders",
                            newName: "IX_SalesOrders_CustomerId");

                        migrationBuilder.RenameSequence(
                            name: "OrderNumbers",
                            schema: "sales",
                            newName: "SalesOrderNumbers");

                        migrationBuilder.DropPrimaryKey(
                            name: "PK_Customers",
                            table: "Customers");
                    }
            """;
        var test = EfTest(
            EfMigration(up).Replace("{|#0:Change|}", "{|MIG1001:Change|}"),
            EfMigration(up + """


                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddPrimaryKey(
                            name: "PK_Customers",
                            table: "Customers",
                            column: "Id");

                        migrationBuilder.RenameSequence(
                            name: "SalesOrderNumbers",
                            schema: "sales",
                            newName: "OrderNumbers");

                        migrationBuilder.RenameIndex(
                            name: "IX_SalesOrders_CustomerId",
                            table: "SalesOrders",
                            schema: "sales",
                            newName: "IX_Orders_CustomerId");

                        migrationBuilder.DropForeignKey(
                            name: "FK_Customers_Customers_ReferrerId",
                            table: "Customers");

                        migrationBuilder.DropUniqueConstraint(
                            name: "AK_Customers_Name",
                            table: "Customers");

                        migrationBuilder.RenameTable(
                            name: "SalesOrders",
                            schema: "sales",
                            newName: "Orders",
                            newSchema: "dbo");

                        migrationBuilder.DropSequence(
                            name: "OrderNumbers",
                            schema: "sales");

                        migrationBuilder.DropSchema(
                            name: "sales");
                    }
            """).Replace("{|#0:Change|}", "Change"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_all_writes_Down_for_every_migration_of_the_project()
    {
        const string other = """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(20)]
                public class AddTags : Migration
                {
                    public override void Up()
                    {
                        Create.Schema("tags");
                        Create.Table("Tags").InSchema("tags").WithColumn("Id").AsInt32().PrimaryKey();
                        Create.ForeignKey("FK_Posts_Tags").FromTable("Posts").ForeignColumn("TagId").ToTable("Tags").InSchema("tags").PrimaryColumn("Id");
                        Create.UniqueConstraint("UQ_Posts_Slug").OnTable("Posts").Column("Slug");
                        Create.Sequence("TagNumbers").InSchema("tags").StartWith(1);
                    }

                    public override void {|MIG1001:Down|}() => throw new System.NotImplementedException();
                }

                [Migration(21)]
                public class AddPostKey : Migration
                {
                    public override void Up()
                    {
                        Create.PrimaryKey("PK_Posts").OnTable("Posts").Column("Id");
                    }

                    public override void {|MIG1001:Down|}()
                    {
                    }
                }
            }
            """;
        var test = new CodeFixTest<MigrationCannotBeRolledBackAnalyzer, GenerateDownCodeFix>();
        test.TestState.Sources.Add(("/0/Tags.cs", other));
        test.FixedState.Sources.Add(("/0/Tags.cs", """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(20)]
                public class AddTags : Migration
                {
                    public override void Up()
                    {
                        Create.Schema("tags");
                        Create.Table("Tags").InSchema("tags").WithColumn("Id").AsInt32().PrimaryKey();
                        Create.ForeignKey("FK_Posts_Tags").FromTable("Posts").ForeignColumn("TagId").ToTable("Tags").InSchema("tags").PrimaryColumn("Id");
                        Create.UniqueConstraint("UQ_Posts_Slug").OnTable("Posts").Column("Slug");
                        Create.Sequence("TagNumbers").InSchema("tags").StartWith(1);
                    }

                    public override void Down()
                    {
                        Delete.Sequence("TagNumbers").InSchema("tags");
                        Delete.UniqueConstraint("UQ_Posts_Slug").FromTable("Posts");
                        Delete.ForeignKey("FK_Posts_Tags").OnTable("Posts");
                        Delete.Table("Tags").InSchema("tags");
                        Delete.Schema("tags");
                    }
                }

                [Migration(21)]
                public class AddPostKey : Migration
                {
                    public override void Up()
                    {
                        Create.PrimaryKey("PK_Posts").OnTable("Posts").Column("Id");
                    }

                    public override void Down()
                    {
                        Delete.PrimaryKey("PK_Posts").FromTable("Posts");
                    }
                }
            }
            """));
        test.CodeActionEquivalenceKey = GenerateDownCodeFix.EquivalenceKey;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Moving_a_table_out_of_the_default_schema_blocks_the_fix()
    {
        var source = EfMigration("""
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.RenameTable(name: "Orders", newName: "Orders", newSchema: "sales");
                    }
            """);
        var test = EfTest(source, source);
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1001").WithLocation(0).WithArguments(
            "Change",
            "Down is missing; no Down can be generated because RenameTable 'Orders' cannot be reversed: it moves the object out of the default schema, and EF Core cannot name that schema to move it back"));
        test.FixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Dropped_column_is_rebuilt_as_a_later_AlterColumn_and_rename_left_it()
    {
        const string widenId = "20240201100000_WidenName";
        const string widen = """
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Shop.Data.Migrations
            {
                public partial class WidenName : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AlterColumn<string>(
                            name: "Name",
                            table: "Customers",
                            type: "TEXT",
                            maxLength: 250,
                            nullable: true,
                            oldClrType: typeof(string),
                            oldType: "TEXT",
                            oldMaxLength: 100);

                        migrationBuilder.RenameColumn(
                            name: "Name",
                            table: "Customers",
                            newName: "FullName");

                        migrationBuilder.RenameTable(
                            name: "Customers",
                            newName: "Clients");
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.RenameTable(name: "Clients", newName: "Customers");
                        migrationBuilder.RenameColumn(name: "FullName", table: "Customers", newName: "Name");
                        migrationBuilder.AlterColumn<string>(name: "Name", table: "Customers", type: "TEXT", maxLength: 100, nullable: false, oldClrType: typeof(string), oldType: "TEXT", oldMaxLength: 250, oldNullable: true);
                    }
                }
            }
            """;
        const string up = """
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(
                            name: "FullName",
                            table: "Clients");
                    }
            """;
        var test = EfTest(
            EfMigration(up).Replace("{|#0:Change|}", "{|MIG1001:Change|}"),
            EfMigration(up + """


                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<string>(
                            name: "FullName",
                            table: "Clients",
                            type: "TEXT",
                            maxLength: 250,
                            nullable: true);
                    }
            """).Replace("{|#0:Change|}", "Change"));
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add((Sources.DesignerPath(widenId), Sources.Designer("WidenName", widenId)));
            state.Sources.Add((Sources.MigrationPath(widenId), widen));
        }

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Dropped_columns_declared_without_nullable_keep_the_nullability_their_type_gave_them()
    {
        const string up = """
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(
                            name: "Nickname",
                            table: "Customers");

                        migrationBuilder.DropColumn(
                            name: "Visits",
                            table: "Customers");
                    }
            """;
        var test = EfTest(
            EfMigration(up).Replace("{|#0:Change|}", "{|MIG1001:Change|}"),
            EfMigration(up + """


                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<int>(
                            name: "Visits",
                            table: "Customers",
                            type: "INTEGER",
                            nullable: false);

                        migrationBuilder.AddColumn<string>(
                            name: "Nickname",
                            table: "Customers",
                            type: "TEXT",
                            nullable: true);
                    }
            """).Replace("{|#0:Change|}", "Change"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FluentMigrator_Down_reverses_the_helpers_Up_calls()
    {
        const string source = """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(30)]
                public class AddUsers : Migration
                {
                    public override void Up()
                    {
                        CreateUsers();
                        AddIndexes();
                    }

                    private void CreateUsers()
                    {
                        Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey();
                    }

                    private void AddIndexes() => Alter.Table("Orders").AddColumn("UserId").AsInt32().Nullable();

                    public override void {|MIG1001:Down|}()
                    {
                    }
                }
            }
            """;
        var test = new CodeFixTest<MigrationCannotBeRolledBackAnalyzer, GenerateDownCodeFix>();
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(source.Replace("""
                    public override void {|MIG1001:Down|}()
                    {
                    }
            """, """
                    public override void Down()
                    {
                        Delete.Column("UserId").FromTable("Orders");
                        Delete.Table("Users");
                    }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    private const string TemplateBase = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
            public abstract class ProjectMigration : Migration
            {
                public override void Up() => UpgradeMain();

                protected abstract void UpgradeMain();
            }
        }
        """;

    [Fact]
    public async Task Template_method_migration_gets_its_Down_written_in_its_own_Down()
    {
        const string source = """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(31)]
                public class AddUsers : ProjectMigration
                {
                    protected override void UpgradeMain()
                    {
                        Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey();
                    }

                    public override void {|MIG1001:Down|}()
                    {
                    }
                }
            }
            """;
        var test = new CodeFixTest<MigrationCannotBeRolledBackAnalyzer, GenerateDownCodeFix>();
        test.TestState.Sources.Add(("/0/ProjectMigration.cs", TemplateBase));
        test.TestState.Sources.Add(("/0/AddUsers.cs", source));
        test.FixedState.Sources.Add(("/0/ProjectMigration.cs", TemplateBase));
        test.FixedState.Sources.Add(("/0/AddUsers.cs", source.Replace("""
                    public override void {|MIG1001:Down|}()
                    {
                    }
            """, """
                    public override void Down()
                    {
                        Delete.Table("Users");
                    }
            """)));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Template_method_migration_without_a_Down_of_its_own_is_reported_on_the_class_without_a_fix()
    {
        const string efBase = """
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Shop.Data.Migrations
            {
                public abstract class ProjectMigration : Migration
                {
                    protected sealed override void Up(MigrationBuilder migrationBuilder) => UpgradeMain(migrationBuilder);

                    protected abstract void UpgradeMain(MigrationBuilder migrationBuilder);
                }
            }
            """;
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Shop.Data.Migrations
            {
                [Migration("20240401000000_AddUsers")]
                public class {|#0:AddUsers|} : ProjectMigration
                {
                    protected override void UpgradeMain(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<string>(name: "Email", table: "Customers", nullable: true);
                    }
                }
            }
            """;
        var test = new CodeFixTest<MigrationCannotBeRolledBackAnalyzer, GenerateDownCodeFix>();
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add(("/0/ProjectMigration.cs", efBase));
            state.Sources.Add(("/0/AddUsers.cs", source));
            state.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1001").WithLocation(0).WithArguments("AddUsers", "Down is missing"));
        }

        await test.RunAsync(CancellationToken.None);
    }
}
