using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.CodeFixes.Migrations;

/// <summary>
/// MIG1130's fix: the original migration builds the unique index concurrently, a following migration adopts it as the
/// constraint. What the written SQL does on PostgreSQL is shown by UniqueConstraintUsingIndexOnPostgresTests.
/// </summary>
public class UniqueConstraintUsingIndexCodeFixTests
{
    private const string PostgreSql = "migration_analyzers.target_database = postgresql\n";
    private const string CreateId = "20240301090000_CreateOrders";
    private const string KeyId = "20240302090000_AddOrderCodeKey";

    private const string CreateOrders = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class CreateOrders : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            Code = table.Column<string>(type: "text", nullable: false),
                            Note = table.Column<string>(type: "text", nullable: true)
                        });
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Orders");
                }
            }
        }
        """;

    private static string EfMigration(string className, string up, string down) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class {{className}} : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
        {{up}}
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
        {{down}}
                }
            }
        }
        """;

    private static CodeFixTest<UniqueConstraintWithoutIndexAnalyzer, UniqueConstraintUsingIndexCodeFix> EfTest(string original, string? fixedText, string key = UniqueConstraintUsingIndexCodeFix.SameFileKey)
    {
        var test = new CodeFixTest<UniqueConstraintWithoutIndexAnalyzer, UniqueConstraintUsingIndexCodeFix>
        {
            ReferenceAssemblies = TestReferences.EfCoreNpgsql,
            CodeActionEquivalenceKey = key,
        }.WithEditorConfig(PostgreSql);
        foreach (var state in fixedText is null ? new[] { test.TestState } : new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add((Sources.DbContextPath, Sources.DbContext));
            state.Sources.Add((Sources.DesignerPath(CreateId), Sources.Designer("CreateOrders", CreateId)));
            state.Sources.Add((Sources.MigrationPath(CreateId), CreateOrders));
            state.Sources.Add((Sources.DesignerPath(KeyId), Sources.Designer("AddOrderCodeKey", KeyId)));
        }

        test.TestState.Sources.Add((Sources.MigrationPath(KeyId), original));
        if (fixedText is null)
        {
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            test.FixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll;
        }
        else
        {
            test.FixedState.Sources.Add((Sources.MigrationPath(KeyId), fixedText));
        }

        return test;
    }

    /// <summary>The fixed EF Core migrations the PostgreSQL execution test runs.</summary>
    public const string EfUniqueFixed = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Metadata;
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class AddOrderCodeKey : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    // Builds the index of AK_Orders_Code without blocking writes, outside the transaction; AddOrderCodeKeyConstraint makes it the unique constraint.
                    migrationBuilder.Sql("CREATE UNIQUE INDEX CONCURRENTLY \"AK_Orders_Code\" ON \"Orders\" (\"Code\");", suppressTransaction: true);
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS \"AK_Orders_Code\";", suppressTransaction: true);
                }
            }

            /// <inheritdoc />
            [DbContext(typeof(AppDbContext))]
            [Migration("20240302090001_AddOrderCodeKeyConstraint")]
            public class AddOrderCodeKeyConstraint : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("ALTER TABLE \"Orders\" ADD CONSTRAINT \"AK_Orders_Code\" UNIQUE USING INDEX \"AK_Orders_Code\";");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    // Back to the unique index AddOrderCodeKey builds: dropping the constraint drops its index, which is built again in the same transaction.
                    migrationBuilder.Sql("ALTER TABLE \"Orders\" DROP CONSTRAINT \"AK_Orders_Code\";");
                    migrationBuilder.Sql("CREATE UNIQUE INDEX \"AK_Orders_Code\" ON \"Orders\" (\"Code\");");
                }

                // The schema is the same as after AddOrderCodeKey: its model maps the tables this migration's data operations use.
                public override IModel TargetModel => new AddOrderCodeKey().TargetModel;
            }
        }
        """;

    [Fact]
    public async Task EfCore_unique_constraint_becomes_a_concurrent_index_then_the_constraint_using_it()
    {
        var test = EfTest(
            EfMigration("AddOrderCodeKey",
                """            {|MIG1130:migrationBuilder.AddUniqueConstraint(name: "AK_Orders_Code", table: "Orders", column: "Code")|};""",
                """            migrationBuilder.DropUniqueConstraint(name: "AK_Orders_Code", table: "Orders");"""),
            EfUniqueFixed);
        await test.RunAsync();
    }

    [Fact]
    public async Task EfCore_primary_key_on_not_null_columns_in_a_schema_is_adopted_as_primary_key()
    {
        var test = EfTest(
            EfMigration("AddOrderCodeKey",
                """
                            {|MIG1130:migrationBuilder.AddPrimaryKey(
                                name: "PK_Orders",
                                schema: "shop",
                                table: "Orders",
                                columns: new[] { "Id", "Code" })|};
                """,
                """            migrationBuilder.DropPrimaryKey(name: "PK_Orders", schema: "shop", table: "Orders");"""),
            """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Metadata;
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Shop.Data.Migrations
            {
                /// <inheritdoc />
                public partial class AddOrderCodeKey : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        // Builds the index of PK_Orders without blocking writes, outside the transaction; AddOrderCodeKeyConstraint makes it the primary key.
                        migrationBuilder.Sql("CREATE UNIQUE INDEX CONCURRENTLY \"PK_Orders\" ON \"shop\".\"Orders\" (\"Id\", \"Code\");", suppressTransaction: true);
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS \"shop\".\"PK_Orders\";", suppressTransaction: true);
                    }
                }

                /// <inheritdoc />
                [DbContext(typeof(AppDbContext))]
                [Migration("20240302090001_AddOrderCodeKeyConstraint")]
                public class AddOrderCodeKeyConstraint : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.Sql("ALTER TABLE \"shop\".\"Orders\" ADD CONSTRAINT \"PK_Orders\" PRIMARY KEY USING INDEX \"PK_Orders\";");
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        // Back to the unique index AddOrderCodeKey builds: dropping the constraint drops its index, which is built again in the same transaction.
                        migrationBuilder.Sql("ALTER TABLE \"shop\".\"Orders\" DROP CONSTRAINT \"PK_Orders\";");
                        migrationBuilder.Sql("CREATE UNIQUE INDEX \"PK_Orders\" ON \"shop\".\"Orders\" (\"Id\", \"Code\");");
                    }

                    // The schema is the same as after AddOrderCodeKey: its model maps the tables this migration's data operations use.
                    public override IModel TargetModel => new AddOrderCodeKey().TargetModel;
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task EfCore_new_migration_file_holds_the_constraint()
    {
        var test = EfTest(
            EfMigration("AddOrderCodeKey",
                """            {|MIG1130:migrationBuilder.AddUniqueConstraint(name: "AK_Orders_Code", table: "Orders", column: "Code")|};""",
                """            migrationBuilder.DropUniqueConstraint(name: "AK_Orders_Code", table: "Orders");"""),
            null,
            UniqueConstraintUsingIndexCodeFix.NewFilesKey);
        test.FixedState.InheritanceMode = StateInheritanceMode.Explicit;
        test.FixedState.MarkupHandling = MarkupMode.None;
        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        test.FixedState.Sources.Add((Sources.DesignerPath(CreateId), Sources.Designer("CreateOrders", CreateId)));
        test.FixedState.Sources.Add((Sources.MigrationPath(CreateId), CreateOrders));
        test.FixedState.Sources.Add((Sources.DesignerPath(KeyId), Sources.Designer("AddOrderCodeKey", KeyId)));
        var (original, added) = Split(EfUniqueFixed);
        test.FixedState.Sources.Add((Sources.MigrationPath(KeyId), original));
        test.FixedState.Sources.Add(("/0/Migrations/20240302090001_AddOrderCodeKeyConstraint.cs", added));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + PostgreSql));

        // Fix All writes the same file (it cannot add documents): the test above shows that shape.
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }

    /// <summary>The same-file result cut in two: the original's file, and the new migration's file with the usings it needs.</summary>
    private static (string Original, string Added) Split(string sameFile)
    {
        var start = sameFile.IndexOf("\n\n    /// <inheritdoc />\n    [DbContext", System.StringComparison.Ordinal);
        var end = sameFile.LastIndexOf("\n}", System.StringComparison.Ordinal);
        var header = sameFile.Substring(0, sameFile.IndexOf("    /// <inheritdoc />\n    public partial class", System.StringComparison.Ordinal));
        var original = sameFile.Substring(0, start).Replace("using Microsoft.EntityFrameworkCore.Infrastructure;\nusing Microsoft.EntityFrameworkCore.Metadata;\n", string.Empty) + "\n}";
        return (original, header + sameFile.Substring(start + 2, end - start - 2) + "\n}");
    }

    /// <summary>
    /// MIG1193's fix, when it ran first, left SET LOCAL lock_timeout before the constraint: it moves to the added
    /// migration, before ADD CONSTRAINT, which takes the lock; MIG1193's fix run afterwards writes it there too.
    /// </summary>
    [Fact]
    public async Task Lock_timeout_setting_moves_with_the_constraint_to_the_following_migration()
    {
        var test = EfTest(
            EfMigration("AddOrderCodeKey",
                """
                            migrationBuilder.Sql("SET LOCAL lock_timeout = '5s';");
                            {|MIG1130:migrationBuilder.AddUniqueConstraint(name: "AK_Orders_Code", table: "Orders", column: "Code")|};
                """,
                """            migrationBuilder.DropUniqueConstraint(name: "AK_Orders_Code", table: "Orders");"""),
            EfUniqueFixed.Replace(
                "            migrationBuilder.Sql(\"ALTER TABLE \\\"Orders\\\" ADD CONSTRAINT",
                "            migrationBuilder.Sql(\"SET LOCAL lock_timeout = '5s';\");\n            migrationBuilder.Sql(\"ALTER TABLE \\\"Orders\\\" ADD CONSTRAINT"));
        Assert.Contains("SET LOCAL", test.FixedState.Sources[^1].content.ToString());
        await test.RunAsync();
    }

    [Fact]
    public async Task Primary_key_on_a_nullable_column_gets_no_fix()
    {
        var test = EfTest(
            EfMigration("AddOrderCodeKey",
                """            {|MIG1130:migrationBuilder.AddPrimaryKey(name: "PK_Orders", table: "Orders", column: "Note")|};""",
                """            migrationBuilder.DropPrimaryKey(name: "PK_Orders", table: "Orders");"""),
            null);
        await test.RunAsync();
    }

    [Fact]
    public async Task Constraint_beside_other_operations_gets_no_fix()
    {
        var test = EfTest(
            EfMigration("AddOrderCodeKey",
                """
                            migrationBuilder.AddColumn<int>(name: "Rank", table: "Orders", type: "integer", nullable: true);
                            {|MIG1130:migrationBuilder.AddUniqueConstraint(name: "AK_Orders_Code", table: "Orders", column: "Code")|};
                """,
                """
                            migrationBuilder.DropUniqueConstraint(name: "AK_Orders_Code", table: "Orders");
                            migrationBuilder.DropColumn(name: "Rank", table: "Orders");
                """),
            null);
        await test.RunAsync();
    }

    [Fact]
    public async Task Column_names_that_are_not_literals_get_no_fix()
    {
        var test = EfTest(
            EfMigration("AddOrderCodeKey",
                """            {|MIG1130:migrationBuilder.AddUniqueConstraint(name: "AK_Orders_Code", table: "Orders", column: typeof(string).Name)|};""",
                """            migrationBuilder.DropUniqueConstraint(name: "AK_Orders_Code", table: "Orders");"""),
            null);
        await test.RunAsync();
    }

    [Fact]
    public async Task Constraint_with_provider_annotations_gets_no_fix()
    {
        // NULLS NOT DISTINCT and the like would be lost in the SQL: no fix rather than a different constraint.
        var test = EfTest(
            EfMigration("AddOrderCodeKey",
                """
                            {|MIG1130:migrationBuilder.AddUniqueConstraint(name: "AK_Orders_Code", table: "Orders", column: "Code")
                                .Annotation("Npgsql:NullsDistinct", false)|};
                """,
                """            migrationBuilder.DropUniqueConstraint(name: "AK_Orders_Code", table: "Orders");"""),
            null);
        await test.RunAsync();
    }

    [Fact]
    public async Task Down_that_does_more_than_drop_the_constraint_gets_no_fix()
    {
        var test = EfTest(
            EfMigration("AddOrderCodeKey",
                """            {|MIG1130:migrationBuilder.AddUniqueConstraint(name: "AK_Orders_Code", table: "Orders", column: "Code")|};""",
                """
                            migrationBuilder.DropUniqueConstraint(name: "AK_Orders_Code", table: "Orders");
                            migrationBuilder.Sql("DELETE FROM \"Orders\" WHERE \"Code\" = ''");
                """),
            null);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_migration_directly_after_gets_no_fix()
    {
        var test = EfTest(
            EfMigration("AddOrderCodeKey",
                """            {|MIG1130:migrationBuilder.AddUniqueConstraint(name: "AK_Orders_Code", table: "Orders", column: "Code")|};""",
                """            migrationBuilder.DropUniqueConstraint(name: "AK_Orders_Code", table: "Orders");"""),
            null);
        const string nextId = "20240302090001_AddOrderNote";
        test.TestState.Sources.Add((Sources.DesignerPath(nextId), Sources.Designer("AddOrderNote", nextId)));
        test.TestState.Sources.Add((Sources.MigrationPath(nextId), EfMigration("AddOrderNote",
            """            migrationBuilder.AddColumn<string>(name: "Extra", table: "Orders", type: "text", nullable: true);""",
            """            migrationBuilder.DropColumn(name: "Extra", table: "Orders");""")));
        await test.RunAsync();
    }

    private const string FluentCreate = """
        using FluentMigrator;

        namespace Shop.Migrations;

        [Migration(1)]
        public class CreateOrders : Migration
        {
            public override void Up()
            {
                Create.Table("Orders")
                    .WithColumn("Id").AsInt32().NotNullable()
                    .WithColumn("Code").AsString(20).NotNullable()
                    .WithColumn("Note").AsString(200).Nullable();
            }

            public override void Down()
            {
                Delete.Table("Orders");
            }
        }
        """;

    private static CodeFixTest<UniqueConstraintWithoutIndexAnalyzer, UniqueConstraintUsingIndexCodeFix> FluentTest(string original, string? fixedText)
    {
        var test = new CodeFixTest<UniqueConstraintWithoutIndexAnalyzer, UniqueConstraintUsingIndexCodeFix>
        {
            CodeActionEquivalenceKey = UniqueConstraintUsingIndexCodeFix.SameFileKey,
        }.WithEditorConfig(PostgreSql);
        test.TestState.Sources.Add(("/0/Migrations/0001_CreateOrders.cs", FluentCreate));
        test.TestState.Sources.Add(("/0/Migrations/0002_AddOrderCodeKey.cs", original));
        if (fixedText is null)
        {
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            test.FixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll;
        }
        else
        {
            test.FixedState.Sources.Add(("/0/Migrations/0001_CreateOrders.cs", FluentCreate));
            test.FixedState.Sources.Add(("/0/Migrations/0002_AddOrderCodeKey.cs", fixedText));
        }

        return test;
    }

    /// <summary>The fixed FluentMigrator migrations the PostgreSQL execution test runs.</summary>
    public const string FluentUniqueFixed = """
        using FluentMigrator;

        namespace Shop.Migrations;

        [Migration(2, TransactionBehavior.None)]
        public class AddOrderCodeKey : Migration
        {
            public override void Up()
            {
                // Builds the index of UC_Orders_Code without blocking writes, outside the transaction; AddOrderCodeKeyConstraint makes it the unique constraint.
                Execute.Sql("CREATE UNIQUE INDEX CONCURRENTLY \"UC_Orders_Code\" ON \"Orders\" (\"Code\");");
            }

            public override void Down()
            {
                Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS \"UC_Orders_Code\";");
            }
        }

        [Migration(3)]
        public class AddOrderCodeKeyConstraint : Migration
        {
            public override void Up()
            {
                Execute.Sql("ALTER TABLE \"Orders\" ADD CONSTRAINT \"UC_Orders_Code\" UNIQUE USING INDEX \"UC_Orders_Code\";");
            }

            public override void Down()
            {
                // Back to the unique index AddOrderCodeKey builds: dropping the constraint drops its index, which is built again in the same transaction.
                Execute.Sql("ALTER TABLE \"Orders\" DROP CONSTRAINT \"UC_Orders_Code\";");
                Execute.Sql("CREATE UNIQUE INDEX \"UC_Orders_Code\" ON \"Orders\" (\"Code\");");
            }
        }
        """;

    [Fact]
    public async Task FluentMigrator_unique_constraint_runs_without_transaction_then_the_constraint_follows()
    {
        var test = FluentTest("""
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(2)]
            public class AddOrderCodeKey : Migration
            {
                public override void Up()
                {
                    {|MIG1130:Create.UniqueConstraint("UC_Orders_Code").OnTable("Orders").Column("Code")|};
                }

                public override void Down()
                {
                    Delete.UniqueConstraint("UC_Orders_Code").FromTable("Orders");
                }
            }
            """, FluentUniqueFixed);
        await test.RunAsync();
    }

    [Fact]
    public async Task FluentMigrator_primary_key_with_description_keeps_it_after_the_transaction_behavior()
    {
        var test = FluentTest("""
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(2, "Orders get their key")]
            public class AddOrderCodeKey : Migration
            {
                public override void Up()
                {
                    {|MIG1130:Create.PrimaryKey("PK_Orders").OnTable("Orders").Columns("Id", "Code")|};
                }

                public override void Down()
                {
                    Delete.PrimaryKey("PK_Orders").FromTable("Orders");
                }
            }
            """, """
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(2, TransactionBehavior.None, "Orders get their key")]
            public class AddOrderCodeKey : Migration
            {
                public override void Up()
                {
                    // Builds the index of PK_Orders without blocking writes, outside the transaction; AddOrderCodeKeyConstraint makes it the primary key.
                    Execute.Sql("CREATE UNIQUE INDEX CONCURRENTLY \"PK_Orders\" ON \"Orders\" (\"Id\", \"Code\");");
                }

                public override void Down()
                {
                    Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS \"PK_Orders\";");
                }
            }

            [Migration(3)]
            public class AddOrderCodeKeyConstraint : Migration
            {
                public override void Up()
                {
                    Execute.Sql("ALTER TABLE \"Orders\" ADD CONSTRAINT \"PK_Orders\" PRIMARY KEY USING INDEX \"PK_Orders\";");
                }

                public override void Down()
                {
                    // Back to the unique index AddOrderCodeKey builds: dropping the constraint drops its index, which is built again in the same transaction.
                    Execute.Sql("ALTER TABLE \"Orders\" DROP CONSTRAINT \"PK_Orders\";");
                    Execute.Sql("CREATE UNIQUE INDEX \"PK_Orders\" ON \"Orders\" (\"Id\", \"Code\");");
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task FluentMigrator_primary_key_on_a_nullable_column_gets_no_fix()
    {
        var test = FluentTest("""
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(2)]
            public class AddOrderCodeKey : Migration
            {
                public override void Up()
                {
                    {|MIG1130:Create.PrimaryKey("PK_Orders").OnTable("Orders").Column("Note")|};
                }

                public override void Down()
                {
                    Delete.PrimaryKey("PK_Orders").FromTable("Orders");
                }
            }
            """, null);
        await test.RunAsync();
    }

    [Fact]
    public async Task FluentMigrator_attribute_with_named_arguments_gets_no_fix()
    {
        // TransactionBehavior.None cannot be added without knowing the form: the fix leaves it to the user.
        var test = FluentTest("""
            using FluentMigrator;

            namespace Shop.Migrations;

            [Migration(2, description: "Order codes are unique")]
            public class AddOrderCodeKey : Migration
            {
                public override void Up()
                {
                    {|MIG1130:Create.UniqueConstraint("UC_Orders_Code").OnTable("Orders").Column("Code")|};
                }

                public override void Down()
                {
                    Delete.UniqueConstraint("UC_Orders_Code").FromTable("Orders");
                }
            }
            """, null);
        await test.RunAsync();
    }
}
