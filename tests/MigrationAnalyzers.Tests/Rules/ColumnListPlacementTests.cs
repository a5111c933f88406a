using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules;

/// <summary>
/// A diagnostic about a column of CreateTable's anonymous column list goes to the table name, so the compiler's
/// [SuppressMessage] check does not bind the whole call per diagnostic; everywhere else it stays where the rule put it.
/// </summary>
public class ColumnListPlacementTests
{
    private const string Source = """
        class M
        {
            void Up(dynamic migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Orders",
                    columns: table => new { Id = table.Column<int>(type: "integer") });
                migrationBuilder.CreateTable("Lines", table => new { Id = table.Column<int>(type: "integer") });
                migrationBuilder.CreateTable(columns: table => new { Id = table.Column<int>(type: "integer") }, name: Names.Notes);
                migrationBuilder.AddColumn<int>(name: "Total", table: "Orders", type: "integer");
            }
        }
        """;

    [Theory]
    [InlineData(0, "\"Orders\"")]
    [InlineData(1, "\"Lines\"")]
    [InlineData(2, "Names.Notes")]
    public void A_column_of_CreateTable_is_reported_on_the_table_name_and_kept_as_first_additional_location(int call, string anchor)
    {
        var (tree, types) = Parse();
        var column = types.Where(t => t.Ancestors().OfType<AnonymousObjectCreationExpressionSyntax>().Any()).ElementAt(call);
        var other = Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(0, 5));

        var (primary, additional, properties) = ColumnListPlacement.Place(column.GetLocation(), new[] { other }, null);

        Assert.Equal(anchor, tree.GetText().ToString(primary.SourceSpan));
        Assert.Equal(new[] { column.GetLocation(), other }, additional);
        var diagnostic = Diagnostic.Create(new DiagnosticDescriptor("T1", "t", "t", "t", DiagnosticSeverity.Warning, true), primary, additional, properties);
        Assert.Equal(column.GetLocation(), ColumnListPlacement.ColumnLocation(diagnostic));
        Assert.Equal(new[] { column.GetLocation(), other }, ColumnListPlacement.RuleLocations(diagnostic));
    }

    [Fact]
    public void A_location_outside_a_column_list_is_kept()
    {
        var (_, types) = Parse();
        var addColumn = types.Last();

        var (primary, additional, properties) = ColumnListPlacement.Place(addColumn.GetLocation(), null, null);

        Assert.Equal(addColumn.GetLocation(), primary);
        Assert.Null(additional);
        Assert.Null(properties);
        var diagnostic = Diagnostic.Create(new DiagnosticDescriptor("T1", "t", "t", "t", DiagnosticSeverity.Warning, true), primary);
        Assert.Equal(primary, ColumnListPlacement.ColumnLocation(diagnostic));
        Assert.Equal(new[] { primary }, ColumnListPlacement.RuleLocations(diagnostic));
    }

    private static (SyntaxTree Tree, ImmutableArray<LiteralExpressionSyntax> Types) Parse()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var types = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => l.Token.ValueText == "integer")
            .ToImmutableArray();
        return (tree, types);
    }
}
