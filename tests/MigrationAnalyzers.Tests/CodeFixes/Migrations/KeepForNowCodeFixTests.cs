using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.CodeFixes.Migrations;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Tests.Infrastructure;
using static MigrationAnalyzers.Tests.Rules.Migrations.SchemaSafetySources;

namespace MigrationAnalyzers.Tests.CodeFixes.Migrations;

public class KeepForNowCodeFixTests
{
    private const string Drop = "20240320090000_RemoveLegacyName";

    private const string Model = """
                        modelBuilder.Entity("Shop.Data.User", b =>
                            {
                                b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                                b.HasKey("Id");
                                b.ToTable("Users");
                            });
            """;

    private static async Task Verify(string up, string down, string fixedUp, string fixedDown, int iterations = 1)
    {
        var test = new CodeFixTest<DropWithoutDeprecationAnalyzer, KeepForNowCodeFix>();
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        foreach (var source in EfMigration("RemoveLegacyName", Drop, up, down, Model))
        {
            test.TestState.Sources.Add(source);
        }

        test.FixedState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        foreach (var (path, text) in EfMigration("RemoveLegacyName", Drop, fixedUp, fixedDown, Model))
        {
            // An Up left empty by the fix has no blank line inside its braces.
            test.FixedState.Sources.Add((path, fixedUp.Length == 0 ? text.Replace("migrationBuilder)\n        {\n\n        }", "migrationBuilder)\n        {\n        }") : text));
        }

        if (iterations == 0)
        {
            test.NumberOfIncrementalIterations = 0;
            test.NumberOfFixAllIterations = 0;
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task Drop_column_and_its_inverse_in_Down_are_taken_out()
    {
        await Verify(
            """
                        migrationBuilder.AddColumn<string>(name: "Nickname", table: "Users", type: "TEXT", nullable: true);

                        {|MIG1010:migrationBuilder.DropColumn(
                            name: "LegacyName",
                            table: "Users")|};
            """,
            """
                        migrationBuilder.AddColumn<string>(
                            name: "LegacyName",
                            table: "Users",
                            type: "TEXT",
                            nullable: true);

                        migrationBuilder.DropColumn(name: "Nickname", table: "Users");
            """,
            """
                        migrationBuilder.AddColumn<string>(name: "Nickname", table: "Users", type: "TEXT", nullable: true);
            """,
            """
                        migrationBuilder.DropColumn(name: "Nickname", table: "Users");
            """);
    }

    [Fact]
    public async Task Drop_table_takes_out_CreateTable_and_its_indexes_from_Down()
    {
        await Verify(
            """
                        {|MIG1010:migrationBuilder.DropTable(
                            name: "AuditLog")|};
            """,
            """
                        migrationBuilder.CreateTable(
                            name: "AuditLog",
                            columns: table => new
                            {
                                Id = table.Column<long>(type: "INTEGER", nullable: false),
                                UserId = table.Column<int>(type: "INTEGER", nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_AuditLog", x => x.Id));

                        migrationBuilder.CreateIndex(
                            name: "IX_AuditLog_UserId",
                            table: "AuditLog",
                            column: "UserId");

                        migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email");
            """,
            "",
            """
                        migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email");
            """);
    }

    /// <summary>
    /// MIG1193's fix, when it ran first, put SET LOCAL lock_timeout before the drop: with the drop gone it guards nothing
    /// and goes too, so both orders of the two fixes give this same text.
    /// </summary>
    [Fact]
    public async Task A_lock_timeout_setting_left_alone_in_Up_goes_with_the_drop()
    {
        await Verify(
            """
                        migrationBuilder.Sql("SET LOCAL lock_timeout = '5s';");
                        {|MIG1010:migrationBuilder.DropTable(
                            name: "AuditLog")|};
            """,
            """
                        migrationBuilder.CreateTable(
                            name: "AuditLog",
                            columns: table => new
                            {
                                Id = table.Column<long>(type: "INTEGER", nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_AuditLog", x => x.Id));
            """,
            "",
            "");
    }

    [Fact]
    public async Task A_lock_timeout_setting_stays_while_other_changes_remain()
    {
        await Verify(
            """
                        migrationBuilder.Sql("SET LOCAL lock_timeout = '5s';");
                        migrationBuilder.AddColumn<string>(name: "Nickname", table: "Users", type: "TEXT", nullable: true);
                        {|MIG1010:migrationBuilder.DropTable(
                            name: "AuditLog")|};
            """,
            """
                        migrationBuilder.DropColumn(name: "Nickname", table: "Users");
            """,
            """
                        migrationBuilder.Sql("SET LOCAL lock_timeout = '5s';");
                        migrationBuilder.AddColumn<string>(name: "Nickname", table: "Users", type: "TEXT", nullable: true);
            """,
            """
                        migrationBuilder.DropColumn(name: "Nickname", table: "Users");
            """);
    }

    [Fact]
    public async Task Expression_bodied_Up_gets_no_fix()
    {
        var test = new CodeFixTest<DropWithoutDeprecationAnalyzer, KeepForNowCodeFix>();
        var source = EfMigration("RemoveLegacyName", Drop, "", "", Model);
        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        foreach (var (path, text) in source)
        {
            test.TestState.Sources.Add((path, text.Replace(
                "protected override void Up(MigrationBuilder migrationBuilder)\n        {\n\n        }",
                "protected override void Up(MigrationBuilder migrationBuilder)\n            => {|MIG1010:migrationBuilder.DropColumn(name: \"LegacyName\", table: \"Users\")|};")));
        }

        test.FixedState.Sources.AddRange(test.TestState.Sources);
        test.NumberOfIncrementalIterations = 0;
        test.NumberOfFixAllIterations = 0;
        await test.RunAsync();
    }

    // Two drops in one migration: Fix All (which the test runs in every scope) equals fixing them one by one.
    [Fact]
    public async Task Fix_all_takes_out_every_drop_of_the_migration()
    {
        await Verify(
            """
                        {|MIG1010:migrationBuilder.DropColumn(name: "LegacyName", table: "Users")|};

                        {|MIG1010:migrationBuilder.DropTable(name: "AuditLog")|};
            """,
            """
                        migrationBuilder.CreateTable(
                            name: "AuditLog",
                            columns: table => new
                            {
                                Id = table.Column<long>(type: "INTEGER", nullable: false)
                            },
                            constraints: table => table.PrimaryKey("PK_AuditLog", x => x.Id));

                        migrationBuilder.AddColumn<string>(name: "LegacyName", table: "Users", type: "TEXT", nullable: true);
            """,
            "",
            "");
    }

    // dotnet format starts Fix All with the equivalence key of the first diagnostic's first action, which is null when
    // that diagnostic gets no fix (a FluentMigrator drop); the fix must still be applied to the others.
    [Fact]
    public async Task Fix_all_started_without_an_equivalence_key_still_fixes()
    {
        var sources = new List<(string Path, string Text)> { (Sources.DbContextPath, Sources.DbContext) };
        sources.AddRange(EfMigration("RemoveLegacyName", Drop, """
                        migrationBuilder.DropColumn(name: "LegacyName", table: "Users");
            """, """
                        migrationBuilder.AddColumn<string>(name: "LegacyName", table: "Users", type: "TEXT", nullable: true);
            """, Model));

        using var workspace = new AdhocWorkspace();
        var references = await TestReferences.EfCoreAndFluentMigrator.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var project = workspace.CurrentSolution
            .AddProject("Shop", "Shop", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .AddMetadataReferences(references);
        foreach (var (path, text) in sources)
        {
            project = project.AddDocument(path, text, filePath: path).Project;
        }

        // The deployment setting lives in the project, as an .editorconfig does for dotnet format: Fix All analyzes the project again after each fix.
        project = project.Solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(project.Id), ".globalconfig", Microsoft.CodeAnalysis.Text.SourceText.From(TestDeployment.Rolling), filePath: TestDeployment.GlobalConfigPath).GetProject(project.Id)!;
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DropWithoutDeprecationAnalyzer()), Robustness.TestAnalyzerConfig.Create(TestDeployment.RollingOptions())).GetAnalyzerDiagnosticsAsync();
        var drop = Assert.Single(diagnostics, diagnostic => diagnostic.Id == "MIG1010");
        var document = project.GetDocument(drop.Location.SourceTree)!;

        var fix = new KeepForNowCodeFix();
        var context = new FixAllContext(document, fix, FixAllScope.Solution, null!, new[] { "MIG1010" }, new FixedDiagnostics(diagnostics), CancellationToken.None);
        var action = await fix.GetFixAllProvider()!.GetFixAsync(context);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;

        var fixedText = (await changed.GetTextAsync()).ToString();
        Assert.DoesNotContain("name: \"LegacyName\"", fixedText);
    }

    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult(_diagnostics.Where(diagnostic => diagnostic.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
