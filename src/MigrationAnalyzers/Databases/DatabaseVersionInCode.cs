using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Caching;

namespace MigrationAnalyzers.Databases;

/// <summary>
/// The server version the application's own provider configuration states, where it shows it with constants:
/// Npgsql <c>o.SetPostgresVersion(15, 0)</c> or <c>SetPostgresVersion(new Version(15, 0))</c>; Pomelo
/// <c>new MySqlServerVersion(new Version(8, 0, 36))</c>, <c>new MySqlServerVersion("8.0.36")</c>,
/// <c>ServerVersion.Create(new Version(8, 0, 36), ServerType.MySql)</c> or <c>ServerVersion.Parse("8.0.36-mysql")</c>.
/// MariaDB versions are not MySQL versions (its instant ADD COLUMN came in 10.3), and <c>ServerVersion.AutoDetect</c>
/// is decided at run time: neither counts. Two different versions for one database in one compilation: none counts.
/// Read once per compilation, only when a rule asks for a version the settings do not give, and kept for every
/// compilation of the same source (the IDE makes one per document; walking every tree again costs each document).
/// </summary>
public static class DatabaseVersionInCode
{
    private const string Memo = "database-versions-in-code";

    private static readonly ConditionalWeakTable<Compilation, Dictionary<DatabaseProvider, Version>> Found =
        new ConditionalWeakTable<Compilation, Dictionary<DatabaseProvider, Version>>();

    /// <summary>The one version the code states for <paramref name="provider"/>, or null.</summary>
    public static Version? For(Compilation compilation, DatabaseProvider provider)
        => Found.GetValue(compilation, c => Caching.SameContentCache.For(c).GetOrAddFromTrees(Memo, Memo, ReadTree, () => Read(c))).TryGetValue(provider, out var version) ? version : null;

    private static Dictionary<DatabaseProvider, Version> Read(Compilation compilation)
    {
        var seen = new Dictionary<DatabaseProvider, HashSet<Version>>();
        var shared = Caching.SameContentCache.For(compilation);
        foreach (var tree in compilation.SyntaxTrees)
        {
            // The versions one tree states, kept for the IDE's next compilations of the same trees.
            foreach (var found in shared.PerTree(Memo, tree, ReadTree))
            {
                if (!seen.TryGetValue(found.Provider, out var versions))
                {
                    seen[found.Provider] = versions = new HashSet<Version>();
                }

                versions.Add(found.Version);
            }
        }

        var result = new Dictionary<DatabaseProvider, Version>();
        foreach (var pair in seen)
        {
            if (pair.Value.Count == 1)
            {
                foreach (var version in pair.Value)
                {
                    result[pair.Key] = version;
                }
            }
        }

        return result;
    }

    private static List<DatabaseVersion> ReadTree(SyntaxTree tree)
    {
        var found = new List<DatabaseVersion>();

        // Cheap text test first: most files configure no provider.
        if (!MayStateVersion(tree.GetText()))
        {
            return found;
        }

        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (Read(node) is { } version)
            {
                found.Add(version);
            }
        }

        return found;
    }

    /// <summary>
    /// Whether the text names <c>SetPostgresVersion</c> or <c>ServerVersion</c> (also in <c>MySqlServerVersion</c>): one
    /// scan of every file for the word they end in, which few files hold, then a look at what comes before it. A scan
    /// per name read every file of the compilation three times.
    /// </summary>
    internal static bool MayStateVersion(SourceText text)
        => TextSearch.Any(text, "Version", before: "SetPostgres".Length, static (buffer, at) => TextSearch.Precedes(buffer, at, "SetPostgres") || TextSearch.Precedes(buffer, at, "Server"));

    /// <summary>One statement of a version in code, or null.</summary>
    public static DatabaseVersion? Read(SyntaxNode node)
    {
        switch (node)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetPostgresVersion" } } invocation:
                return Version(invocation.ArgumentList.Arguments, 0) is { } postgres ? new DatabaseVersion(DatabaseProvider.PostgreSql, postgres) : null;

            case ObjectCreationExpressionSyntax { Type: var type, ArgumentList: { } list } when LastName(type) == "MySqlServerVersion":
                return Version(list.Arguments, 0) is { } mysql ? new DatabaseVersion(DatabaseProvider.MySql, mysql) : null;

            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver, Name.Identifier.ValueText: "Create" } } create
                when LastName(receiver) == "ServerVersion" && NamesMySql(create.ArgumentList.Arguments):
                return Version(create.ArgumentList.Arguments, 0) is { } created ? new DatabaseVersion(DatabaseProvider.MySql, created) : null;

            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var parser, Name.Identifier.ValueText: "Parse" } } parse
                when LastName(parser) == "ServerVersion" && parse.ArgumentList.Arguments.Count == 1
                    && parse.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: var parsed }
                    && parsed.EndsWith("-mysql", StringComparison.OrdinalIgnoreCase):
                return TargetDatabase.ParseVersion(parsed.Substring(0, parsed.Length - "-mysql".Length)) is { } fromText
                    ? new DatabaseVersion(DatabaseProvider.MySql, fromText)
                    : null;

            default:
                return null;
        }
    }

    /// <summary><c>ServerVersion.Create(…, ServerType.MySql)</c>: the last argument says it is MySQL, not MariaDB.</summary>
    private static bool NamesMySql(SeparatedSyntaxList<ArgumentSyntax> arguments)
        => arguments.Count > 1 && arguments[arguments.Count - 1].Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MySql" };

    /// <summary>A version from <c>new Version(8, 0, 36)</c>, <c>"8.0.36"</c>, or whole-number arguments <c>(15, 0)</c> / <c>(8, 0, 36, ServerType.MySql)</c>.</summary>
    private static Version? Version(SeparatedSyntaxList<ArgumentSyntax> arguments, int start)
    {
        if (arguments.Count <= start)
        {
            return null;
        }

        switch (arguments[start].Expression)
        {
            case ObjectCreationExpressionSyntax { ArgumentList: { } list } creation when LastName(creation.Type) == "Version":
                return Numbers(list.Arguments, 0);
            case ImplicitObjectCreationExpressionSyntax { ArgumentList: var implicitList }:
                return Numbers(implicitList.Arguments, 0);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return TargetDatabase.ParseVersion(literal.Token.ValueText);
            default:
                return Numbers(arguments, start);
        }
    }

    /// <summary>Leading integer literals, two to four of them.</summary>
    private static Version? Numbers(SeparatedSyntaxList<ArgumentSyntax> arguments, int start)
    {
        var numbers = new List<int>();
        for (var index = start; index < arguments.Count && numbers.Count < 4; index++)
        {
            if (arguments[index].Expression is not LiteralExpressionSyntax { Token.Value: int number } || number < 0)
            {
                break;
            }

            numbers.Add(number);
        }

        return numbers.Count switch
        {
            1 => new Version(numbers[0], 0),
            2 => new Version(numbers[0], numbers[1]),
            3 => new Version(numbers[0], numbers[1], numbers[2]),
            4 => new Version(numbers[0], numbers[1], numbers[2], numbers[3]),
            _ => null,
        };
    }

    private static string? LastName(ExpressionSyntax expression)
        => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };
}
