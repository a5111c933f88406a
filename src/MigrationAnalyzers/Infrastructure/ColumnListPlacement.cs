using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Infrastructure;

/// <summary>
/// Where a migration diagnostic about a column of EF Core's <c>CreateTable</c> is reported. The column list is an
/// anonymous object (<c>columns: table => new { Id = table.Column&lt;int&gt;(…) }</c>), and for every diagnostic inside
/// it the compiler's check for <c>[SuppressMessage]</c> asks which symbol the enclosing member declarator declares: that
/// binds the whole <c>CreateTable</c> call, lambdas and type inference included, once per diagnostic — 1 to 3 ms, more
/// than the rules spend reading the whole migration. So such a diagnostic is reported on the table's name (the message
/// names the column), with the column as its first additional location and <see cref="ColumnLocationProperty"/> set:
/// code fixes find the column there through <see cref="ColumnLocation"/>.
/// </summary>
public static class ColumnListPlacement
{
    /// <summary>Diagnostic property: present when the primary location is the table and the column is additional location 0.</summary>
    public const string ColumnLocationProperty = "ColumnAtAdditionalLocation";

    /// <summary>
    /// The location a rule computed, and the additional ones it wants, as they are reported: unchanged outside a
    /// <c>CreateTable</c> column list; inside it, the table name first and the rule's location as first additional one.
    /// </summary>
    public static (Location Primary, IEnumerable<Location>? Additional, ImmutableDictionary<string, string?>? Properties) Place(
        Location location, IEnumerable<Location>? additional, ImmutableDictionary<string, string?>? properties)
    {
        if (TableAnchor(location) is not { } anchor)
        {
            return (location, additional, properties);
        }

        var moved = new List<Location> { location };
        if (additional is not null)
        {
            moved.AddRange(additional);
        }

        return (anchor, moved, (properties ?? ImmutableDictionary<string, string?>.Empty).SetItem(ColumnLocationProperty, "0"));
    }

    /// <summary>For code fixes: where the rule found the problem, whichever place the diagnostic was reported at.</summary>
    public static Location ColumnLocation(Diagnostic diagnostic)
        => diagnostic.Properties.ContainsKey(ColumnLocationProperty) && diagnostic.AdditionalLocations.Count > 0
            ? diagnostic.AdditionalLocations[0]
            : diagnostic.Location;

    /// <summary>For code fixes: the locations the rule reported, primary first, without the table name it was moved to.</summary>
    public static IReadOnlyList<Location> RuleLocations(Diagnostic diagnostic)
    {
        var locations = new List<Location>();
        if (!diagnostic.Properties.ContainsKey(ColumnLocationProperty))
        {
            locations.Add(diagnostic.Location);
        }

        locations.AddRange(diagnostic.AdditionalLocations);
        return locations;
    }

    /// <summary>The table name of the call whose anonymous column list holds <paramref name="location"/>; null outside one.</summary>
    private static Location? TableAnchor(Location location)
    {
        if (!location.IsInSource || location.SourceTree is not { } tree)
        {
            return null;
        }

        // The outermost anonymous object: a declarator above the location is what the suppression check would bind.
        AnonymousObjectCreationExpressionSyntax? columns = null;
        for (var node = tree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true); node is not null; node = node.Parent)
        {
            if (node is AnonymousObjectCreationExpressionSyntax anonymous)
            {
                columns = anonymous;
            }
        }

        if (columns?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } call)
        {
            return null;
        }

        var arguments = call.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == "name")
            {
                return argument.Expression.GetLocation();
            }
        }

        // CreateTable("Orders", …): the name written first, without its parameter name.
        if (arguments.Count > 0 && arguments[0].NameColon is null && arguments[0].Expression is LiteralExpressionSyntax)
        {
            return arguments[0].Expression.GetLocation();
        }

        return call.Expression is MemberAccessExpressionSyntax access ? access.Name.GetLocation() : call.Expression.GetLocation();
    }
}
