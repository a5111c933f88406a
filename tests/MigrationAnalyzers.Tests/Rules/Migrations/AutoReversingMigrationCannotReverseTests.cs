using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentMigrator.Expressions;
using MigrationAnalyzers.CodeFixes.Reversal;
using MigrationAnalyzers.Reversal;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using Verifier = MigrationAnalyzers.Tests.Infrastructure.Verify<MigrationAnalyzers.Rules.Migrations.AutoReversingMigrationCannotReverseAnalyzer>;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

public class AutoReversingMigrationCannotReverseTests
{
    /// <summary>Every concrete expression type FluentMigrator 8 ships, from its own assemblies.</summary>
    public static IEnumerable<object[]> FluentMigratorExpressionTypes()
        => typeof(IMigrationExpression).Assembly.GetTypes()
            .Concat(typeof(FluentMigrator.Migration).Assembly.GetTypes())
            .Where(t => t.Namespace == "FluentMigrator.Expressions" && typeof(IMigrationExpression).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Distinct()
            .OrderBy(t => t.Name)
            .Select(t => new object[] { t.Name });

    [Theory]
    [MemberData(nameof(FluentMigratorExpressionTypes))]
    public void The_reversibility_table_matches_what_FluentMigrator_Reverse_does(string expressionType)
    {
        var type = typeof(IMigrationExpression).Assembly.GetTypes().Concat(typeof(FluentMigrator.Migration).Assembly.GetTypes())
            .First(t => t.Namespace == "FluentMigrator.Expressions" && t.Name == expressionType);
        Assert.True(
            FluentMigratorReversibility.ExpressionReverses.TryGetValue(expressionType, out var listedAsReversible),
            $"{expressionType} is missing from FluentMigratorReversibility.ExpressionReverses.");

        var expression = Construct(type);
        var threw = false;
        try
        {
            expression.Reverse();
        }
        catch (NotSupportedException)
        {
            threw = true;
        }

        Assert.Equal(!listedAsReversible, threw);
    }

    [Fact]
    public void The_reversibility_table_lists_no_expression_FluentMigrator_does_not_have()
    {
        var real = FluentMigratorExpressionTypes().Select(row => (string)row[0]).ToHashSet();
        var unknown = FluentMigratorReversibility.ExpressionReverses.Keys.Where(name => !real.Contains(name)).ToList();
        Assert.True(unknown.Count == 0, "Not in FluentMigrator: " + string.Join(", ", unknown));
    }

    /// <summary>The simplest constructor, with default enum values and empty lists.</summary>
    private static IMigrationExpression Construct(Type type)
    {
        var constructor = type.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p =>
            p.ParameterType.IsEnum ? Enum.GetValues(p.ParameterType).GetValue(0)
            : p.ParameterType.IsGenericType && typeof(IEnumerable).IsAssignableFrom(p.ParameterType) ? Array.CreateInstance(p.ParameterType.GetGenericArguments()[0], 0)
            : null).ToArray();
        return (IMigrationExpression)constructor.Invoke(arguments);
    }

    private const string Header = """
        using FluentMigrator;

        namespace Shop.Migrations
        {
        """;

    [Fact]
    public async Task Alter_column_and_delete_in_an_AutoReversingMigration_are_reported_at_the_first_with_the_others_listed()
    {
        await Verifier.AnalyzeAsync(Header + """

                [Migration(5)]
                public class WidenNames : AutoReversingMigration
                {
                    public override void Up()
                    {
                        Create.Table("Audit").WithColumn("Id").AsInt32().PrimaryKey();
                        {|#0:Alter.Column("Name").OnTable("Users").AsString(200).NotNullable()|};
                        // AutoReversingMigration hides Delete, Execute and Update; IfDatabase(…) still reaches them.
                        {|#1:IfDatabase("SqlServer").Delete.Column("Legacy").FromTable("Users")|};
                        {|#2:IfDatabase("SqlServer").Execute.Sql("UPDATE Users SET Name = trim(Name)")|};
                    }
                }
            }
            """,
            Verifier.Diagnostic("MIG1003").WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("WidenNames", "Alter.Column, Delete.Column, Execute.Sql"));
    }

    [Fact]
    public async Task Alter_Table_AlterColumn_is_reported_but_Alter_Table_AddColumn_is_not()
    {
        await Verifier.AnalyzeAsync(Header + """

                [Migration(6)]
                public class Widen : AutoReversingMigration
                {
                    public override void Up()
                    {
                        Alter.Table("Users").AddColumn("Email").AsString(200).Nullable();
                        {|#0:Alter.Table("Users").AlterColumn("Name").AsString(200).NotNullable()|};
                    }
                }
            }
            """,
            Verifier.Diagnostic("MIG1003").WithLocation(0).WithArguments("Widen", "Alter.Table"));
    }

    [Fact]
    public async Task Reversible_expressions_and_explicit_migrations_are_silent()
    {
        await Verifier.AnalyzeAsync(Header + """

                [Migration(7)]
                public class AddOrders : AutoReversingMigration
                {
                    public override void Up()
                    {
                        Create.Table("Orders").WithColumn("Id").AsInt32().PrimaryKey();
                        Create.Index("IX_Orders").OnTable("Orders").OnColumn("Id");
                        Insert.IntoTable("Orders").Row(new { Id = 1 });
                        Rename.Column("Id").OnTable("Orders").To("OrderId");
                        Create.ForeignKey("FK_A_B").FromTable("A").ForeignColumn("BId").ToTable("B").PrimaryColumn("Id");
                    }
                }

                [Migration(8)]
                public class Explicit : Migration
                {
                    public override void Up() => Alter.Column("Name").OnTable("Users").AsString(200);

                    public override void Down() => Alter.Column("Name").OnTable("Users").AsString(100);
                }
            }
            """);
    }

    [Fact]
    public async Task Create_Sequence_cannot_be_reversed_by_FluentMigrator()
    {
        await Verifier.AnalyzeAsync(Header + """

                [Migration(9)]
                public class AddSequence : AutoReversingMigration
                {
                    public override void Up()
                    {
                        {|#0:Create.Sequence("OrderNumbers").StartWith(1000)|};
                    }
                }
            }
            """,
            Verifier.Diagnostic("MIG1003").WithLocation(0).WithArguments("AddSequence", "Create.Sequence"));
    }

    [Fact]
    public async Task Fix_turns_the_class_into_a_Migration_with_a_Down_rebuilt_from_history()
    {
        const string initial = """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(1)]
                public class Initial : AutoReversingMigration
                {
                    public override void Up()
                    {
                        Create.Table("Users")
                            .WithColumn("Id").AsInt32().PrimaryKey()
                            .WithColumn("Name").AsString(100).NotNullable()
                            .WithColumn("Legacy").AsString(10).Nullable();
                    }
                }
            }
            """;
        const string change = """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(2)]
                public class Widen : AutoReversingMigration
                {
                    public override void Up()
                    {
                        {|#0:Alter.Column("Name").OnTable("Users").AsString(200).NotNullable()|};
                        {|#1:IfDatabase("SQLite").Delete.Column("Legacy").FromTable("Users")|};
                    }
                }
            }
            """;
        var test = new CodeFixTest<AutoReversingMigrationCannotReverseAnalyzer, ConvertToMigrationWithDownCodeFix>();
        test.TestState.Sources.Add(("/0/Initial.cs", initial));
        test.TestState.Sources.Add(("/0/Widen.cs", change));
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1003").WithLocation(0).WithLocation(1).WithArguments("Widen", "Alter.Column, Delete.Column"));
        test.FixedState.Sources.Add(("/0/Initial.cs", initial));
        test.FixedState.Sources.Add(("/0/Widen.cs", """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(2)]
                public class Widen : Migration
                {
                    public override void Up()
                    {
                        Alter.Column("Name").OnTable("Users").AsString(200).NotNullable();
                        IfDatabase("SQLite").Delete.Column("Legacy").FromTable("Users");
                    }

                    public override void Down()
                    {
                        IfDatabase("SQLite").Create.Column("Legacy").OnTable("Users").AsString(10).Nullable();
                        Alter.Column("Name").OnTable("Users").AsString(100).NotNullable();
                    }
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_is_not_offered_when_raw_sql_blocks_the_Down()
    {
        const string source = """
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration(3)]
                public class Cleanup : AutoReversingMigration
                {
                    public override void Up()
                    {
                        {|#0:IfDatabase("SqlServer").Execute.Sql("DELETE FROM Users WHERE Name IS NULL")|};
                    }
                }
            }
            """;
        var test = new CodeFixTest<AutoReversingMigrationCannotReverseAnalyzer, ConvertToMigrationWithDownCodeFix>();
        test.TestState.Sources.Add(source);
        test.TestState.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1003").WithLocation(0).WithArguments("Cleanup", "Execute.Sql"));
        test.FixedState.Sources.Add(source);
        test.FixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Template_methods_of_an_AutoReversingMigration_base_class_are_read_and_base_class_code_is_reported_once()
    {
        var test = new AnalyzerTest<AutoReversingMigrationCannotReverseAnalyzer>();
        test.TestState.Sources.Add(("/0/ProjectMigration.cs", """
            using FluentMigrator;

            public abstract class ProjectMigration : AutoReversingMigration
            {
                public override void Up()
                {
                    {|#0:Alter.Column("Stamp").OnTable("Meta").AsDateTime().Nullable()|};
                    UpgradeMain();
                }

                protected abstract void UpgradeMain();
            }
            """));
        test.TestState.Sources.Add(("/0/Widen.cs", """
            using FluentMigrator;

            [Migration(1)]
            public class Widen : ProjectMigration
            {
                protected override void UpgradeMain()
                {
                    {|#1:Alter.Column("Name").OnTable("Users").AsString(200).NotNullable()|};
                }
            }
            """));
        test.TestState.Sources.Add(("/0/Shorten.cs", """
            using FluentMigrator;

            [Migration(2)]
            public class Shorten : ProjectMigration
            {
                protected override void UpgradeMain()
                {
                    {|#2:Alter.Column("Code").OnTable("Users").AsString(10).NotNullable()|};
                }
            }
            """));
        test.TestState.Sources.Add(("/0/AddTags.cs", """
            using FluentMigrator;

            [Migration(3)]
            public class AddTags : ProjectMigration
            {
                protected override void UpgradeMain()
                {
                    Create.Table("Tags").WithColumn("Id").AsInt32().PrimaryKey();
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1003").WithLocation(0).WithLocation(1).WithArguments("Widen", "Alter.Column"));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("MIG1003").WithLocation(2).WithArguments("Shorten", "Alter.Column"));
        await test.RunAsync(CancellationToken.None);
    }
}
