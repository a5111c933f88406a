using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Operations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using MigrationAnalyzers.Tests.Robustness;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>
/// MIG1110 builds operations only for the migration classes whose written names may be code of the project. A class is
/// passed over only when none may: every way of reaching project code keeps the class, and a key lambda's <c>x.Id</c>
/// (a property the project's entities declare too) does not.
/// </summary>
public class MigrationClassCodeTests
{
    private const string Project = """
        global using Status = Shop.Domain.OrderStatus;

        namespace Shop.Domain
        {
            public enum OrderStatus { New = 1, Shipped = 2 }

            public class Customer
            {
                public int Id { get; set; }
            }

            public static class Limits
            {
                public const int NameLength = 200;
            }

            public static class Seeding
            {
                public static void SeedCountries(this Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder migrationBuilder) { }
            }
        }
        """;

    private static string Migration(string up, string usings = "") => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;
        {{usings}}

        namespace Shop.Data.Migrations
        {
            public partial class Example : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {{up}}
                }
            }
        }
        """;

    private const string CreateTable = """
        migrationBuilder.CreateTable(
                        name: "Customers",
                        columns: table => new { Id = table.Column<int>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Customers", x => x.Id));
        """;

    [Fact]
    public async Task A_migration_that_names_only_the_framework_and_its_own_lambdas_is_passed_over()
        => Assert.False(await MayUseProjectCodeAsync(Migration(CreateTable)));

    [Fact]
    public async Task A_project_base_class_is_not_a_use_of_project_code()
    {
        var baseClass = """
            namespace Shop.Data.Migrations
            {
                public abstract class ShopMigration : Microsoft.EntityFrameworkCore.Migrations.Migration
                {
                }
            }
            """;
        var migration = Migration(CreateTable).Replace("public partial class Example : Migration", "public partial class Example : ShopMigration");
        Assert.False(await MayUseProjectCodeAsync(new[] { ("/0/Project.cs", Project), ("/0/Migrations/ShopMigration.cs", baseClass), ("/0/Migrations/Example.cs", migration) }, new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData("type named", "migrationBuilder.AddColumn<int>(name: \"Length\", table: \"Customers\", defaultValue: Limits.NameLength);", "using Shop.Domain;")]
    [InlineData("member written alone", "migrationBuilder.AddColumn<int>(name: \"Length\", table: \"Customers\", defaultValue: NameLength);", "using static Shop.Domain.Limits;")]
    [InlineData("extension method", "migrationBuilder.SeedCountries();", "using Shop.Domain;")]
    [InlineData("type argument", "migrationBuilder.AddColumn<OrderStatus>(name: \"Status\", table: \"Orders\");", "using Shop.Domain;")]
    [InlineData("global alias", "migrationBuilder.AddColumn<int>(name: \"Status\", table: \"Orders\", defaultValue: (int)Status.New);", "")]
    [InlineData("file alias", "migrationBuilder.AddColumn<int>(name: \"Status\", table: \"Orders\", defaultValue: (int)S.New);", "using S = Shop.Domain.OrderStatus;")]
    [InlineData("query expression", "var names = from n in new[] { \"a\" } select n;", "using System.Linq;")]
    public async Task Every_way_of_reaching_project_code_keeps_the_class(string way, string up, string usings)
        => Assert.True(await MayUseProjectCodeAsync(Migration(up, usings)), way);

    [Fact]
    public async Task A_Designer_file_is_generated_code_unless_editorconfig_says_otherwise()
    {
        var designer = """
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Shop.Data.Migrations
            {
                public partial class Example
                {
                    private static int Length => Shop.Domain.Limits.NameLength;
                }
            }
            """;
        var sources = new[] { ("/0/Project.cs", Project), ("/0/Migrations/Example.cs", Migration(CreateTable)), ("/0/Migrations/Example.Designer.cs", designer) };

        Assert.False(await MayUseProjectCodeAsync(sources, new Dictionary<string, string>()));
        Assert.True(await MayUseProjectCodeAsync(sources, new Dictionary<string, string> { ["generated_code"] = "false" }));
    }

    [Fact]
    public async Task The_operations_handed_to_MIG1110_are_those_of_the_hand_written_file()
    {
        var compilation = await TestCompilation.CreateAsync(
            TestReferences.EfCoreAndFluentMigrator, ("/0/Project.cs", Project), ("/0/Migrations/Example.cs", Migration("migrationBuilder.SeedCountries();", "using Shop.Domain;")));
        Assert.Empty(TestCompilation.Errors(compilation));
        var type = compilation.GetTypeByMetadataName("Shop.Data.Migrations.Example")!;

        var roots = new MigrationClassCode(compilation, TestAnalyzerConfig.Create()).OperationRoots(type, CancellationToken.None).ToList();

        var body = Assert.Single(roots);
        Assert.Contains(body.DescendantsAndSelf(), operation => operation is IInvocationOperation { TargetMethod.Name: "SeedCountries" });
    }

    [Fact]
    public async Task Member_names_read_from_syntax_include_every_member_name_the_compiler_declares()
    {
        var shapes = await TestCompilation.CreateAsync("""
            using System;
            using System.Collections.Generic;

            namespace Shapes
            {
                public record Order(int Id, string Number) { public decimal Total { get; init; } }
                public record struct Point(int X, int Y);
                public interface IClock { DateTime Now { get; } event EventHandler Ticked; }
                public partial class Split { public int FirstHalf; }
                public partial class Split { public int SecondHalf() => FirstHalf; private event EventHandler? Changed; }
                public class Indexed : IComparable<int> { public int this[int i] => i; public static Indexed operator +(Indexed a, Indexed b) => a; int IComparable<int>.CompareTo(int other) => 0; }
                public class Outer { public class Inner { public const int Deep = 1; public struct Innermost { public int Deepest; } } }
                public enum Colour { Red, Green }
                public class Primary(int seed) { public int Seed => seed; }
                public delegate void Notify(string message);
                public static class Extensions
                {
                    public static int Twice(this int value) => value * 2;
                }
            }
            """);
        Assert.Empty(TestCompilation.Errors(shapes));

        foreach (var compilation in new[] { shapes, await TestCompilation.OfCorpusAsync(300) })
        {
            var fromCompiler = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var symbol in compilation.GetSymbolsWithName(_ => true, Microsoft.CodeAnalysis.SymbolFilter.Member))
            {
                if (symbol.CanBeReferencedByName)
                {
                    fromCompiler.Add(symbol.Name);
                }
            }

            var fromSyntax = new MigrationClassCode.DeclaredNames(compilation);
            Assert.Empty(fromCompiler
                .Where(name => !fromSyntax.KindsOf(name).HasFlag(MigrationClassCode.NameKinds.Member))
                .OrderBy(name => name, System.StringComparer.Ordinal));
            Assert.NotEmpty(fromCompiler);
        }
    }

    private static Task<bool> MayUseProjectCodeAsync(string migration)
        => MayUseProjectCodeAsync(new[] { ("/0/Project.cs", Project), ("/0/Migrations/Example.cs", migration) }, new Dictionary<string, string>());

    private static async Task<bool> MayUseProjectCodeAsync((string Path, string Text)[] sources, Dictionary<string, string> settings)
    {
        var compilation = await TestCompilation.CreateAsync(TestReferences.EfCoreAndFluentMigrator, sources);
        Assert.Empty(TestCompilation.Errors(compilation));
        var type = compilation.GetTypeByMetadataName("Shop.Data.Migrations.Example")!;
        return new MigrationClassCode(compilation, TestAnalyzerConfig.Create(settings)).MayUseProjectCode(type, CancellationToken.None);
    }
}
