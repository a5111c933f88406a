using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Reading;

/// <summary>
/// The catalog pays only for what a rule reads: identities, order and the Designer link without binding any Up or Down,
/// and a body only for the migration a rule asks about. Counted through the catalog's own read counter.
/// </summary>
public class LazyCatalogTests
{
    private const string History = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data
        {
            public class ShopContext : DbContext { }
        }

        namespace Shop.Data.Migrations
        {
            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240101000000_CreateUsers")]
            public partial class CreateUsers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Users",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false)
                                .Annotation("Npgsql:ValueGenerationStrategy", 2),
                            Name = table.Column<string>(type: "text", nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Users");
            }

            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240102000000_AddEmail")]
            public partial class AddEmail : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                    => migrationBuilder.AddColumn<string>(name: "Email", table: "Users", type: "text", nullable: true);

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "Email", table: "Users");
            }

            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240102000000_AddEmail")]
            public partial class AddEmailAgain : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                    => migrationBuilder.AddColumn<string>(name: "Phone", table: "Users", type: "text", nullable: true);

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "Phone", table: "Users");
            }

            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("2024_Broken")]
            public partial class Broken : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT 1");

                protected override void Down(MigrationBuilder migrationBuilder) { }
            }
        }
        """;

    [Fact]
    public async Task Identities_order_and_history_are_known_without_reading_any_body()
    {
        var compilation = await TestCompilation.CreateAsync(History);
        Assert.Empty(TestCompilation.Errors(compilation));
        var catalog = MigrationCatalog.For(compilation);

        var all = catalog.All;
        Assert.Equal(4, all.Length);
        Assert.All(all, migration => Assert.NotNull(migration.UpDeclaration));
        // AddEmail shares AddEmailAgain's timestamp, so only CreateUsers is before it.
        Assert.Single(catalog.Earlier(all.Single(m => m.Name == "AddEmailAgain")), m => m.Name == "CreateUsers");
        Assert.Single(catalog.Later(all.Single(m => m.Name == "CreateUsers")), m => m.Name == "AddEmail");

        Assert.Equal(0, catalog.BodyReads.Count);
        Assert.All(all, migration => Assert.False(migration.IsUpRead || migration.IsDownRead));
    }

    [Fact]
    public async Task MIG1100_reports_identities_without_reading_any_body()
    {
        var compilation = await TestCompilation.CreateAsync(History);
        var (diagnostics, catalog) = await RunAsync(compilation, new MigrationIdentityAnalyzer());

        // The clash and the malformed ID are found …
        Assert.Contains(diagnostics, d => d.Id == "MIG1100" && d.GetMessage().Contains("AddEmailAgain"));
        Assert.Contains(diagnostics, d => d.Id == "MIG1100" && d.GetMessage().Contains("2024_Broken"));

        // … and not one Up or Down was bound for it.
        Assert.Equal(0, catalog.BodyReads.Count);
    }

    [Fact]
    public async Task A_body_is_read_once_and_only_for_the_migration_asked_about()
    {
        var compilation = await TestCompilation.CreateAsync(History);
        var catalog = MigrationCatalog.For(compilation);
        var createUsers = catalog.All.Single(m => m.Name == "CreateUsers");

        Assert.Single(createUsers.Up.Operations);
        Assert.Single(createUsers.Up.Operations);

        Assert.Equal(1, catalog.BodyReads.Count);
        Assert.True(createUsers.IsUpRead);
        Assert.False(createUsers.IsDownRead);
        Assert.All(catalog.All.Where(m => !ReferenceEquals(m, createUsers)), m => Assert.False(m.IsUpRead || m.IsDownRead));
    }

    [Fact]
    public async Task The_target_database_of_a_migration_whose_operations_decide_reads_only_its_own_Up_and_Down()
    {
        var compilation = await TestCompilation.CreateAsync(History);
        var catalog = MigrationCatalog.For(compilation);
        var createUsers = catalog.All.Single(m => m.Name == "CreateUsers");

        var database = TargetDatabasePolicy.Resolve(compilation, options: null, createUsers);

        Assert.Equal(DatabaseProvider.PostgreSql, database.Provider);
        Assert.Equal(TargetEvidence.Operations, database.Evidence);
        Assert.Equal(2, catalog.BodyReads.Count);
        Assert.True(createUsers.IsUpRead && createUsers.IsDownRead);
        Assert.All(catalog.All.Where(m => !ReferenceEquals(m, createUsers)), m => Assert.False(m.IsUpRead || m.IsDownRead));
    }

    [Fact]
    public async Task A_migration_rule_reads_the_bodies_of_the_migrations_it_analyses_and_the_history_before_them_only()
    {
        var compilation = await TestCompilation.CreateAsync(History);
        var (_, catalog) = await RunAsync(compilation, new MigrationIdentityAnalyzer());
        Assert.Equal(0, catalog.BodyReads.Count);

        // A rule that reads Up: every migration is analysed in a full run, so each Up is read, once.
        var (_, withBodies) = await RunAsync(compilation, new NotNullColumnWithoutDefaultAnalyzer());
        Assert.InRange(withBodies.BodyReads.Count, 1, 2 * withBodies.All.Length);
        Assert.All(withBodies.All, m => Assert.True(m.IsUpRead));
    }

    /// <summary>
    /// The IDE analyses each document in a new compilation over the same trees: the catalog finds the migrations there
    /// by the names the first compilation read, as they were, with the new compilation's symbols, and reads no body.
    /// </summary>
    [Fact]
    public async Task A_new_compilation_of_the_same_trees_finds_the_same_migrations_by_name()
    {
        var compilation = await TestCompilation.CreateAsync(History);
        var first = MigrationCatalog.For(compilation);
        var read = first.All;
        var clone = compilation.Clone();
        var second = MigrationCatalog.For(clone);

        var found = second.All;

        Assert.False(first.FoundByName);
        Assert.True(second.FoundByName);
        Assert.Equal(read.Select(m => m.Name), found.Select(m => m.Name));
        for (var i = 0; i < read.Length; i++)
        {
            var (before, after) = (read[i], found[i]);
            Assert.Equal((before.Framework, before.Style, before.Id, before.Position, before.RunsWithoutTransaction), (after.Framework, after.Style, after.Id, after.Position, after.RunsWithoutTransaction));
            Assert.Same(before.IdAttribute, after.IdAttribute);
            Assert.Same(before.MainDeclaration, after.MainDeclaration);
            Assert.Same(before.TargetModelDeclaration, after.TargetModelDeclaration);
            Assert.Same(before.UpDeclaration, after.UpDeclaration);
            Assert.Same(clone.Assembly, after.Symbol.ContainingAssembly);
            Assert.Same(clone.Assembly, after.DbContext!.ContainingAssembly);
            Assert.Equal(before.DbContext!.ToDisplayString(), after.DbContext.ToDisplayString());
            Assert.Same(after, second.Get(after.Symbol));
        }

        Assert.Equal(0, second.BodyReads.Count);
        Assert.Equal(
            read.Select(m => string.Join(",", m.Up.Operations.Select(o => o.ToString()))),
            found.Select(m => string.Join(",", m.Up.Operations.Select(o => o.ToString()))));
        Assert.Equal(read.Length, second.BodyReads.Count);

        // An edit makes another set of trees: its attributes are read again.
        var tree = compilation.SyntaxTrees.First();
        var edited = MigrationCatalog.For(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// edited\n"))));
        Assert.Equal(read.Select(m => m.Name), edited.All.Select(m => m.Name));
        Assert.False(edited.FoundByName);
    }

    /// <summary>Runs <paramref name="analyzer"/> and hands back the catalog it used (the driver analyses its own copy of the compilation).</summary>
    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, MigrationCatalog Catalog)> RunAsync(Compilation compilation, DiagnosticAnalyzer analyzer)
    {
        var witness = new CompilationWitness();
        var analyzers = ImmutableArray.Create(analyzer, witness);
        var diagnostics = await compilation
            .WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var seen = Assert.Single(witness.Seen);
        return (diagnostics, MigrationCatalog.For(seen));
    }

    // Only sees which compilation the driver hands to analyzers; it reports nothing and ships nowhere.
#pragma warning disable RS1036, RS2008, RS1012
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CompilationWitness : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Descriptor = new("TEST0001", "witness", "witness", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public ConcurrentBag<Compilation> Seen { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => Seen.Add(start.Compilation));
        }
    }
#pragma warning restore RS1036, RS2008, RS1012
}
