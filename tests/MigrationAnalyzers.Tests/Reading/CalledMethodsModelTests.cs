using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Reading;

/// <summary>Operations in template methods and helpers that Up or Down calls are part of Up or Down.</summary>
public class CalledMethodsModelTests
{
    private const string ForwardOnlyBase = """
        using System;
        using FluentMigrator;

        namespace Shop.Migrations
        {
            public abstract class ProjectMigration : Migration
            {
                protected virtual bool HasLogDatabase => false;

                public sealed override void Up()
                {
                    UpgradeMain();
                    if (HasLogDatabase)
                    {
                        UpgradeLog();
                    }
                }

                protected virtual void UpgradeMain()
                {
                }

                protected virtual void UpgradeLog()
                {
                }

                public sealed override void Down() => throw new NotSupportedException("Migrations are forward only");
            }
        }
        """;

    [Fact]
    public async Task Template_methods_a_base_class_picks_by_database_are_read_but_other_branch_code_stays_unknown()
    {
        var compilation = await TestCompilation.CreateAsync("""
            using System;
            using FluentMigrator;

            namespace Shop.Migrations
            {
                public enum Database { Main, Log }

                public abstract class ProjectMigration : Migration
                {
                    public static Database Current { get; set; }

                    public sealed override void Up()
                    {
                        switch (Current)
                        {
                            case Database.Main:
                                UpgradeMain();
                                break;
                            case Database.Log:
                                UpgradeLog();
                                Cleanup();
                                break;
                            default:
                                throw new ArgumentOutOfRangeException();
                        }
                    }

                    protected virtual void UpgradeMain() { }

                    protected virtual void UpgradeLog() { }

                    private void Cleanup() => Execute.Sql("DELETE FROM Logs");

                    public sealed override void Down() => throw new NotSupportedException("Migrations are forward only");
                }

                [Migration(2024010112)]
                public class AddUsers : ProjectMigration
                {
                    protected override void UpgradeMain() => Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey();

                    protected override void UpgradeLog() => Create.Table("UserLogs").WithColumn("Id").AsInt32().PrimaryKey();
                }
            }
            """);
        Assert.Empty(TestCompilation.Errors(compilation));
        var migration = Assert.Single(MigrationCatalog.For(compilation).All);

        // Both overrides are the migration's own operations; the base class's private helper in a branch is not.
        Assert.Equal(new[] { "Users", "UserLogs" }, migration.Up.Operations.Select(o => o.Table));
        Assert.Single(migration.Up.UnrecognizedStatements);
    }

    [Fact]
    public async Task FluentMigrator_template_method_overrides_and_their_helpers_are_read_into_Up()
    {
        var compilation = await TestCompilation.CreateAsync(ForwardOnlyBase, """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(2024010112)]
                public class AddUsers : ProjectMigration
                {
                    protected override void UpgradeMain()
                    {
                        Create.Table("Users").WithColumn("Id").AsInt32().PrimaryKey();
                        AddIndexes();
                    }

                    private void AddIndexes()
                    {
                        Create.Index("IX_Users_Id").OnTable("Users").OnColumn("Id");
                    }
                }
            }
            """);
        Assert.Empty(TestCompilation.Errors(compilation));
        var migration = Assert.Single(MigrationCatalog.For(compilation).All);

        Assert.Equal(new[] { MigrationOperationKind.CreateTable, MigrationOperationKind.CreateIndex }, migration.Up.Operations.Select(o => o.Kind));
        Assert.All(migration.Up.Operations, o => Assert.Equal("/0/Test1.cs", o.Syntax.SyntaxTree.FilePath));
        Assert.Equal(2, migration.Up.CalledMethods.Length);
        Assert.False(migration.Up.IsSelfContained);
        Assert.True(migration.Up.IsInheritedBy(migration.Symbol));

        // The conditional log-database call stays unknown, as any condition does; it runs after the main upgrade,
        // told by reading order although it sits in another file (a backfill there cannot precede the operations).
        Assert.Single(migration.Up.UnrecognizedStatements);
        Assert.All(migration.Up.Operations, o => Assert.False(migration.Up.HasUnrecognizedBefore(o)));

        Assert.True(migration.Down.Throws);
        Assert.True(migration.Down.IsInheritedBy(migration.Symbol));
        Assert.True(migration.Down.DeclarationOnlyThrowsOrIsEmpty);

        // Class-level diagnostics of the migration land on the migration, not on the base class that declares Up.
        Assert.Equal("AddUsers", migration.MainDeclaration?.Identifier.ValueText);
    }

    [Fact]
    public async Task Recursion_repeated_calls_and_foreign_methods_stay_unknown_without_hanging()
    {
        var compilation = await TestCompilation.CreateAsync("""
            using FluentMigrator;

            public static class Outside
            {
                public static void Run() { }
            }

            [Migration(1)]
            public class Loops : Migration
            {
                public override void Up()
                {
                    First();
                    First();
                    Outside.Run();
                    Missing();
                }

                private void First()
                {
                    Create.Table("A").WithColumn("Id").AsInt32();
                    Second();
                }

                private void Second()
                {
                    First();
                    Up();
                    Create.Table("B").WithColumn("Id").AsInt32();
                }

                public override void Down()
                {
                    Delete.Table("B");
                    Delete.Table("A");
                }
            }
            """);
        var migration = Assert.Single(MigrationCatalog.For(compilation).All);
        Assert.Equal(new[] { "A", "B" }, migration.Up.Operations.Select(o => o.Table));

        // First() inside Second(), Up() inside Second(), the second First(), Outside.Run() and the unresolved Missing().
        Assert.Equal(5, migration.Up.UnrecognizedStatements.Length);
    }

    [Fact]
    public async Task EfCore_helpers_taking_the_builder_are_read_and_helpers_with_other_arguments_stay_unknown()
    {
        var compilation = await TestCompilation.CreateAsync("""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101120000_AddUsers")]
            public class AddUsers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    CreateUsers(migrationBuilder);
                    AddAudit(migrationBuilder, "Users");
                }

                private static void CreateUsers(MigrationBuilder builder)
                {
                    builder.CreateTable(
                        name: "Users",
                        columns: table => new { Id = table.Column<int>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
                }

                private static void AddAudit(MigrationBuilder builder, string table)
                {
                    builder.AddColumn<string>(name: "CreatedBy", table: table, nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    DropUsers(migrationBuilder);
                }

                private void DropUsers(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Users");
            }
            """);
        Assert.Empty(TestCompilation.Errors(compilation));
        var migration = Assert.Single(MigrationCatalog.For(compilation).All);
        var create = Assert.Single(migration.Up.Operations);
        Assert.Equal((MigrationOperationKind.CreateTable, "Users"), (create.Kind, create.Table));
        Assert.Single(migration.Up.UnrecognizedStatements);
        var drop = Assert.Single(migration.Down.Operations);
        Assert.Equal((MigrationOperationKind.DropTable, "Users"), (drop.Kind, drop.Table));
    }
}
