using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Caching;

/// <summary>
/// The IDE analyses each document in a new compilation over the same trees. The schema replayed from the earlier
/// migrations is shared by those compilations: the second one reads no earlier Up again, and the migrations the
/// schema names (where a table was created, a column renamed) are its own, not the first compilation's.
/// </summary>
public class SharedSchemaTimelineTests
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
                            Id = table.Column<int>(type: "integer", nullable: false),
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
                {
                    migrationBuilder.AddColumn<string>(name: "Email", table: "Users", type: "text", nullable: true);
                    migrationBuilder.Sql("UPDATE \"Users\" SET \"Email\" = '' WHERE \"Email\" IS NULL");
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "Email", table: "Users");
            }

            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240103000000_RenameName")]
            public partial class RenameName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                    => migrationBuilder.RenameColumn(name: "Name", table: "Users", newName: "FullName");

                protected override void Down(MigrationBuilder migrationBuilder)
                    => migrationBuilder.RenameColumn(name: "FullName", table: "Users", newName: "Name");
            }

            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240104000000_DropFullName")]
            public partial class DropFullName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                    => migrationBuilder.DropColumn(name: "FullName", table: "Users");

                protected override void Down(MigrationBuilder migrationBuilder)
                    => migrationBuilder.AddColumn<string>(name: "FullName", table: "Users", type: "text", nullable: true);
            }
        }
        """;

    [Fact]
    public async Task A_new_compilation_of_the_same_trees_replays_no_earlier_migration_and_names_its_own_migrations()
    {
        var compilation = await TestCompilation.CreateAsync(History);
        Assert.Empty(TestCompilation.Errors(compilation));
        var first = MigrationCatalog.For(compilation);
        var replayed = SchemaTimeline.Before(first.All[3], first);
        Assert.Equal(3, first.BodyReads.Count);

        var clone = compilation.Clone();
        var second = MigrationCatalog.For(clone);
        var shared = SchemaTimeline.Before(second.All[3], second);

        // Not one earlier Up read again …
        Assert.Equal(0, second.BodyReads.Count);

        // … the same schema …
        Assert.Equal(Describe(replayed), Describe(shared));
        var renamed = shared.FindTable(null, "Users")!.FindColumn("FullName")!;
        Assert.Equal((0, 2), (renamed.AddedAt, renamed.NamedAt));
        Assert.Equal(1, shared.FindTable(null, "Users")!.FindColumn("Email")!.BackfilledAt);

        // … and the migrations it names are the new compilation's own.
        Assert.Same(second.All[2], shared.MigrationAt(renamed.NamedAt));
        Assert.Same(second.All[0], shared.MigrationAt(shared.FindTable(null, "Users")!.CreatedAt));
        Assert.Same(first.All[2], replayed.MigrationAt(renamed.NamedAt));
        Assert.Same(second.All[3], shared.MigrationAt(shared.Step));
        Assert.Null(shared.MigrationAt(-1));

        // An edit makes another set of trees: the history is replayed from its bodies again.
        var tree = compilation.SyntaxTrees.First();
        var edited = MigrationCatalog.For(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// edited\n"))));
        Assert.Equal(Describe(replayed), Describe(SchemaTimeline.Before(edited.All[3], edited)));
        Assert.Equal(3, edited.BodyReads.Count);
    }

    /// <summary>
    /// The rules of a class ask for the schema before the same migration one after the other, and it is kept for them:
    /// each still gets a copy of its own, which applying the migration's operations to leaves the next one as it was.
    /// </summary>
    [Fact]
    public async Task Each_ask_for_the_same_migration_gets_its_own_copy_of_the_schema_before_it()
    {
        var compilation = await TestCompilation.CreateAsync(History);
        var catalog = MigrationCatalog.For(compilation);
        var dropFullName = catalog.All[3];

        var first = SchemaTimeline.Before(dropFullName, catalog);
        var expected = Describe(first);
        foreach (var operation in dropFullName.Up.Operations)
        {
            first.Apply(operation);
        }

        Assert.Null(first.FindTable(null, "Users")!.FindColumn("FullName"));

        var second = SchemaTimeline.Before(dropFullName, catalog);
        Assert.NotSame(first, second);
        Assert.Equal(expected, Describe(second));
        Assert.Equal(expected, Describe(SchemaTimeline.Before(dropFullName, catalog)));
    }

    /// <summary>
    /// The driver's two threads ask for the schema at once, each far into a history whose checkpoints are not built yet:
    /// they read the Ups between them, and each gets the schema a single thread replays, every Up read once.
    /// </summary>
    [Fact]
    public async Task Threads_asking_at_once_far_into_the_history_get_the_schema_one_thread_replays()
    {
        var migrations = string.Concat(Enumerable.Range(1, 40).Select(i => $$"""

                [DbContext(typeof(Shop.Data.ShopContext))]
                [Migration("2024010100{{i:D4}}_AddColumn{{i}}")]
                public partial class AddColumn{{i}} : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                        => migrationBuilder.AddColumn<string>(name: "C{{i}}", table: "Users", type: "text", nullable: true);

                    protected override void Down(MigrationBuilder migrationBuilder)
                        => migrationBuilder.DropColumn(name: "C{{i}}", table: "Users");
                }
            """));
        const string AddEmail = "    [DbContext(typeof(Shop.Data.ShopContext))]\n    [Migration(\"20240102000000_AddEmail\")]";
        var source = History.Replace(AddEmail, migrations.TrimStart('\r', '\n') + "\n\n" + AddEmail);
        Assert.NotEqual(History, source);

        var single = await TestCompilation.CreateAsync(source);
        var singleCatalog = MigrationCatalog.For(single);
        var expected = new[] { 41, 33 }.Select(i => Describe(SchemaTimeline.Before(singleCatalog.All[i], singleCatalog), "Users")).ToArray();

        var compilation = await TestCompilation.CreateAsync(source);
        Assert.Empty(TestCompilation.Errors(compilation));
        var catalog = MigrationCatalog.For(compilation);
        Assert.Equal(44, catalog.All.Length);
        using var started = new ManualResetEventSlim();
        var askers = new[] { 41, 33 }.Select(i => Task.Run(() =>
        {
            started.Wait();
            return Describe(SchemaTimeline.Before(catalog.All[i], catalog), "Users");
        })).ToArray();
        started.Set();

        Assert.Equal(expected, await Task.WhenAll(askers));
        Assert.Equal(41, catalog.BodyReads.Count);
    }

    /// <summary>Rules that ask the timeline report the same in the second compilation as in the first (the driver analyses its own copy each time).</summary>
    [Fact]
    public async Task Rules_report_the_same_in_every_compilation_of_the_same_trees()
    {
        var compilation = await TestCompilation.CreateAsync(History);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new DropWithoutDeprecationAnalyzer(), new OneStepRenameAnalyzer(), new NotNullColumnWithoutDefaultAnalyzer(), new MigrationCannotBeRolledBackAnalyzer());

        var once = await RunAsync(compilation, analyzers);
        var again = await RunAsync(compilation.Clone(), analyzers);

        Assert.NotEmpty(once);
        Assert.Equal(once, again);
    }

    private static async Task<string[]> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var diagnostics = await compilation
            .WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()}").OrderBy(d => d, System.StringComparer.Ordinal).ToArray();
    }

    private static string[] Describe(SchemaHistory schema, string table)
        => schema.FindTable(null, table)!.Columns.Select(c => $"{c.Name} added {c.AddedAt} named {c.NamedAt}").ToArray();

    private static string[] Describe(SchemaHistory schema)
        => new[] { "Users" }
            .Select(name => schema.FindTable(null, name)!)
            .SelectMany(table => table.Columns.Select(c => $"{table.Name}.{c.Name} added {c.AddedAt} named {c.NamedAt} backfilled {c.BackfilledAt} nullable {c.IsNullable}"))
            .ToArray();
}
