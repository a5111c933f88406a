using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using MigrationAnalyzers.Tests.Infrastructure.Sqlite;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// MIG1030's three-step fix on SQLite with rows already in the table: the original migration fails, the three
/// migrations the fix writes run, leave the column NOT NULL with every row filled, and roll back to the start.
/// </summary>
public class NotNullInThreeStepsExecutionTests
{
    private const string Id = "20240301090000_AddOrderPriority";

    private const string Migration = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Shop.Data.Migrations
        {
            /// <inheritdoc />
            public partial class AddOrderPriority : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "Priority",
                        table: "Orders",
                        type: "INTEGER",
                        nullable: false);
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Priority",
                        table: "Orders");
                }
            }
        }
        """;

    private const string PriorityProperty = """
                            b.Property<int>("Priority")
                                .HasColumnType("INTEGER");

        """;

    [Theory]
    [InlineData(NotNullInThreeStepsCodeFix.NewFilesKey)]
    [InlineData(NotNullInThreeStepsCodeFix.SameFileKey)]
    public async Task EfCore_three_steps_run_on_a_table_with_rows_where_the_one_step_migration_fails(string shape)
    {
        var sources = EfCoreOrdersHistory.With(Id, "AddOrderPriority", Migration, EfCoreOrdersHistory.OrderModel(PriorityProperty));
        var fixedSources = await CodeFixApplier.ApplyAsync(new NotNullColumnWithoutDefaultAnalyzer(), new NotNullInThreeStepsCodeFix(), shape, sources);
        Assert.Equal(shape == NotNullInThreeStepsCodeFix.NewFilesKey ? sources.Count + 2 : sources.Count, fixedSources.Count);

        using (var connection = Start(InMemoryCompiler.Compile(sources.Values), out var original))
        {
            var failure = Assert.ThrowsAny<Exception>(() => EfCoreSqliteRunner.Migrate(original, connection));
            Assert.Contains("NOT NULL", failure.Message);
        }

        var assembly = InMemoryCompiler.Compile(fixedSources.Values);
        using var database = Start(assembly, out _);
        var start = SqliteSnapshot.Take(database);
        EfCoreSqliteRunner.Migrate(assembly, database);
        var end = SqliteSnapshot.Take(database);
        Assert.Contains("\"Priority\" INTEGER NOT NULL", end);
        Assert.Equal(3, end.Split("Priority=0").Length - 1);

        EfCoreSqliteRunner.Migrate(assembly, database, EfCoreOrdersHistory.Initial);
        Assert.Equal(start, SqliteSnapshot.Take(database));
    }

    private static SqliteConnection Start(System.Reflection.Assembly assembly, out System.Reflection.Assembly same)
    {
        same = assembly;
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        EfCoreSqliteRunner.Migrate(assembly, connection, EfCoreOrdersHistory.Initial);
        SqliteSnapshot.Execute(connection, EfCoreOrdersHistory.StartingRows);
        return connection;
    }
}
