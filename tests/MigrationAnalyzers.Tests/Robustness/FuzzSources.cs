using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Corpus;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Robustness;

/// <summary>
/// The code the robustness gate feeds to every analyzer and fix: migrations from the corpus generator (each with the
/// files it leans on), the realistic sources of <see cref="Sources"/>, and C# that the rule tests themselves carry in string literals.
/// </summary>
public static class FuzzSources
{
    public const int Seed = 9001;

    private static readonly Lazy<IReadOnlyList<CorpusFile>> LazyCorpus = new(() => CorpusGenerator.Generate(60, Seed));

    /// <summary>The whole small corpus as one project: history rules see many migrations of one DbContext.</summary>
    public static FuzzUnit CorpusProject()
        => new("corpus project", LazyCorpus.Value.Select(f => ("/0/" + f.Path, f.Text)).ToImmutableArray());

    /// <summary>Each generated migration with its Designer file and DbContext, the way a rule sees one migration.</summary>
    public static IEnumerable<FuzzUnit> CorpusMigrations(int count)
    {
        var files = LazyCorpus.Value;
        var contexts = files.Where(f => f.Path.EndsWith("DbContext.cs", StringComparison.Ordinal)).ToList();
        var migrations = files.Where(f => f.Path.Contains("/Migrations/", StringComparison.Ordinal)
            && !f.Path.EndsWith(".Designer.cs", StringComparison.Ordinal)
            && !f.Path.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal)).ToList();

        // Spread the picks over the history so EF Core and FluentMigrator, early and late migrations all appear.
        var step = Math.Max(1, migrations.Count / count);
        for (var i = 0; i < migrations.Count && i / step < count; i += step)
        {
            var migration = migrations[i];
            var unit = new List<(string, string)> { ("/0/" + migration.Path, migration.Text) };
            var designer = files.FirstOrDefault(f => f.Path == migration.Path[..^3] + ".Designer.cs");
            if (designer is not null)
            {
                unit.Add(("/0/" + designer.Path, designer.Text));
                unit.AddRange(contexts.Select(c => ("/0/" + c.Path, c.Text)));
            }
            else if (files.FirstOrDefault(f => f.Path.EndsWith("/ModuleMigration.cs", StringComparison.Ordinal)) is { } baseClass)
            {
                unit.Add(("/0/" + baseClass.Path, baseClass.Text));
            }

            yield return new FuzzUnit("corpus " + Path.GetFileName(migration.Path), unit.ToImmutableArray());
        }
    }

    /// <summary>The hand-written realistic sources of the test infrastructure.</summary>
    public static IEnumerable<FuzzUnit> RealisticSources()
    {
        const string Id = "20240301090000_AddOrders";
        yield return new FuzzUnit("Sources.Designer + DbContext", ImmutableArray.Create(
            (Sources.DbContextPath, Sources.DbContext),
            (Sources.DesignerPath(Id), Sources.Designer("AddOrders", Id, "            modelBuilder.Entity(\"Shop.Data.Order\", b => { b.Property<int>(\"Id\"); b.HasKey(\"Id\"); b.ToTable(\"Orders\"); });")),
            (Sources.MigrationPath(Id), """
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace Shop.Data.Migrations
                {
                    public partial class AddOrders : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                            migrationBuilder.CreateTable(
                                name: "Orders",
                                columns: table => new { Id = table.Column<int>(nullable: false), Total = table.Column<decimal>(nullable: false, defaultValue: 0m) },
                                constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
                            migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", nullable: false);
                            migrationBuilder.RenameColumn(name: "Total", table: "Orders", newName: "Amount");
                            migrationBuilder.Sql("DELETE FROM Orders");
                        }

                        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Orders");
                    }
                }
                """)));
    }

    /// <summary>
    /// Files where one rule fires several times, so FixAll has something to compare with fixing one by one:
    /// a migration with several risky operations, and application code with several string comparisons.
    /// </summary>
    public static IEnumerable<FuzzUnit> RepeatedFindings()
    {
        const string Id = "20240410080000_AddAuditColumns";
        yield return new FuzzUnit("several risky operations in one migration", ImmutableArray.Create(
            (Sources.DbContextPath, Sources.DbContext),
            (Sources.DesignerPath(Id), Sources.Designer("AddAuditColumns", Id)),
            (Sources.MigrationPath(Id), """
                using System;
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace Shop.Data.Migrations
                {
                    public partial class AddAuditColumns : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder)
                        {
                            migrationBuilder.AddColumn<string>(name: "CreatedBy", table: "Orders", type: "nvarchar(100)", maxLength: 100, nullable: false);
                            migrationBuilder.AddColumn<DateTime>(name: "CreatedAt", table: "Orders", type: "datetime2", nullable: false);
                            migrationBuilder.AddColumn<int>(name: "Revision", table: "Customers", type: "int", nullable: false);
                            migrationBuilder.CreateIndex(name: "IX_Orders_CreatedBy", table: "Orders", column: "CreatedBy");
                            migrationBuilder.CreateIndex(name: "IX_Orders_CreatedAt", table: "Orders", column: "CreatedAt");
                        }

                        protected override void Down(MigrationBuilder migrationBuilder)
                        {
                            migrationBuilder.DropIndex(name: "IX_Orders_CreatedAt", table: "Orders");
                            migrationBuilder.DropIndex(name: "IX_Orders_CreatedBy", table: "Orders");
                            migrationBuilder.DropColumn(name: "Revision", table: "Customers");
                            migrationBuilder.DropColumn(name: "CreatedAt", table: "Orders");
                            migrationBuilder.DropColumn(name: "CreatedBy", table: "Orders");
                        }
                    }
                }
                """)));

        yield return new FuzzUnit("several string comparisons in application code", ImmutableArray.Create(("/0/Parsing/HeaderReader.cs", """
            using System.Collections.Generic;
            using System.Diagnostics;

            namespace Shop.Parsing
            {
                public static class HeaderReader
                {
                    public static IEnumerable<string> Headers(IEnumerable<string> lines)
                    {
                        foreach (var line in lines)
                        {
                            if (line.StartsWith("#") || line.EndsWith("/"))
                            {
                                continue;
                            }

                            var colon = line.IndexOf(":");
                            yield return colon < 0 ? line : line.Substring(0, colon);
                        }
                    }

                    public static int Compare(string left, string right) => string.Compare(left, right);

                    public static void OpenHelp() => Process.Start("https://example.org/help");
                }
            }
            """)));
    }

    /// <summary>
    /// C# carried by the tests in string literals (raw, verbatim or interpolated with holes left empty) that looks like a file:
    /// every scenario a rule author thought of becomes fuzz input too.
    /// </summary>
    public static IEnumerable<FuzzUnit> TestLiterals(int maximum)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "MigrationAnalyzers.Tests");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<FuzzUnit>();
        foreach (var file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || file.Contains(Path.DirectorySeparatorChar + "Robustness" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var node in root.DescendantNodes())
            {
                var text = node switch
                {
                    LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => literal.Token.ValueText,
                    InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.OfType<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText)),
                    _ => null,
                };
                if (text is not null && LooksLikeCode(text) && seen.Add(text))
                {
                    var name = Path.GetFileNameWithoutExtension(file) + " literal " + seen.Count;
                    var files = ImmutableArray.Create(("/0/Literal.cs", text));
                    if (!text.Contains("class AppDbContext", StringComparison.Ordinal))
                    {
                        files = files.Add((Sources.DbContextPath, Sources.DbContext));
                    }

                    found.Add(new FuzzUnit(name, files));
                }
            }
        }

        // A bounded, deterministic spread when the test suite grows large.
        var step = Math.Max(1, found.Count / Math.Max(1, maximum));
        return found.Where((_, i) => i % step == 0).Take(maximum);
    }

    private static bool LooksLikeCode(string text)
        => text.Length > 60
            && (text.Contains("class ", StringComparison.Ordinal) || text.Contains("namespace ", StringComparison.Ordinal))
            && text.Contains('{', StringComparison.Ordinal);
}
