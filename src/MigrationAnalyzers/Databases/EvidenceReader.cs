using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.Databases;

/// <summary>
/// Reads what code says about its database: provider annotations (<c>.Annotation("Npgsql:ValueGenerationStrategy", …)</c>,
/// <c>"MySql:CharSet"</c>, <c>"Sqlite:Autoincrement"</c>, <c>"SqlServer:Identity"</c>), provider types and extension
/// classes (<c>NpgsqlValueGenerationStrategy</c>, <c>SqlServerPropertyBuilderExtensions</c>), store types
/// (<c>type: "uuid"</c>, <c>HasColumnType("nvarchar(max)")</c>, FluentMigrator <c>AsCustom("jsonb")</c>), the
/// maximum identifier length of a target model, and the identifier quoting of raw SQL. Syntax only: it never needs
/// the provider packages to be referenced.
/// </summary>
public static class EvidenceReader
{
    /// <summary>A provider annotation or provider type: the provider's own scaffolding put it there.</summary>
    public const int ProviderMarker = 10;

    /// <summary>Points of the SQL quoting of one statement text: backticks and brackets name one database, double quotes two.</summary>
    public const int DistinctiveQuoting = StoreTypes.Distinctive;

    public const int SharedQuoting = 1;

    /// <summary>The operations of Up and Down, and the SQL they run.</summary>
    public static EvidenceTally FromOperations(MigrationInfo migration)
    {
        var tally = new EvidenceTally();
        Read(migration.Up, tally);
        Read(migration.Down, tally);
        return tally;
    }

    /// <summary>The Designer's <c>BuildTargetModel</c>: weaker, since a model shared across providers keeps every provider's annotations.</summary>
    public static EvidenceTally FromTargetModel(MigrationInfo migration)
        => migration.TargetModelDeclaration is { } declaration ? FromTargetModel(declaration) : new EvidenceTally();

    /// <summary>A Designer's <c>BuildTargetModel</c>, read from its syntax alone.</summary>
    public static EvidenceTally FromTargetModel(SyntaxNode buildTargetModel)
    {
        var tally = new EvidenceTally();
        ReadSyntax(buildTargetModel, tally);
        return tally;
    }

    public static void ReadSyntax(SyntaxNode node, EvidenceTally tally)
    {
        foreach (var descendant in node.DescendantNodes())
        {
            switch (descendant)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    tally.Add(AnnotationDatabase(literal.Token.ValueText), ProviderMarker);
                    if (IsStoreTypeArgument(literal))
                    {
                        tally.Add(StoreTypes.Classify(literal.Token.ValueText, out var weight), weight);
                    }

                    break;
                case IdentifierNameSyntax identifier:
                    tally.Add(ProviderTypeDatabase(identifier.Identifier.ValueText), ProviderMarker);
                    break;
                case InvocationExpressionSyntax invocation when MaxIdentifierLength(invocation) is { } length:
                    tally.Add(
                        length switch
                        {
                            63 => DatabaseProvider.PostgreSql,
                            64 => DatabaseProvider.MySql,
                            128 => DatabaseProvider.SqlServer,
                            _ => DatabaseProvider.Unknown,
                        },
                        StoreTypes.Distinctive);
                    break;
            }
        }
    }

    /// <summary>Backticks name MySQL, <c>[brackets]</c> SQL Server; double quotes PostgreSQL or SQLite, weakly. String literals are skipped.</summary>
    public static void ReadSqlQuoting(string sql, EvidenceTally tally)
    {
        bool backtick = false, bracket = false, doubleQuote = false;
        for (var index = 0; index < sql.Length; index++)
        {
            var c = sql[index];
            if (c == '\'')
            {
                // Skip a string literal ('' escapes a quote inside it).
                index++;
                while (index < sql.Length)
                {
                    if (sql[index] == '\'')
                    {
                        if (index + 1 < sql.Length && sql[index + 1] == '\'')
                        {
                            index += 2;
                            continue;
                        }

                        break;
                    }

                    index++;
                }

                continue;
            }

            if (c == '-' && index + 1 < sql.Length && sql[index + 1] == '-')
            {
                while (index < sql.Length && sql[index] != '\n')
                {
                    index++;
                }

                continue;
            }

            switch (c)
            {
                case '`':
                    backtick = true;
                    break;
                case '"':
                    doubleQuote = true;
                    break;
                case '[' when IsBracketedIdentifier(sql, index):
                    bracket = true;
                    break;
            }
        }

        if (backtick)
        {
            tally.Add(DatabaseProvider.MySql, DistinctiveQuoting);
        }

        if (bracket)
        {
            tally.Add(DatabaseProvider.SqlServer, DistinctiveQuoting);
        }

        if (doubleQuote)
        {
            tally.Add(DatabaseProvider.PostgreSql, SharedQuoting);
            tally.Add(DatabaseProvider.Sqlite, SharedQuoting);
        }
    }

    /// <summary>The database an annotation name belongs to by its prefix (<c>Npgsql:</c>, <c>MySql:</c>, <c>Sqlite:</c>, <c>SqlServer:</c>).</summary>
    public static DatabaseProvider AnnotationDatabase(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon > 9 || colon == text.Length - 1 || text.IndexOf(' ') >= 0)
        {
            return DatabaseProvider.Unknown;
        }

        return text.Substring(0, colon) switch
        {
            "Npgsql" => DatabaseProvider.PostgreSql,
            "MySql" => DatabaseProvider.MySql,
            "Sqlite" => DatabaseProvider.Sqlite,
            "SqlServer" => DatabaseProvider.SqlServer,
            _ => DatabaseProvider.Unknown,
        };
    }

    /// <summary>
    /// The database a provider type belongs to: its value-generation enums and builder extension classes
    /// (<c>NpgsqlValueGenerationStrategy</c>, <c>MySqlPropertyBuilderExtensions</c>, <c>SqlServerModelBuilderExtensions</c>).
    /// </summary>
    public static DatabaseProvider ProviderTypeDatabase(string name)
    {
        if (!name.EndsWith("ValueGenerationStrategy", StringComparison.Ordinal) && !name.EndsWith("Extensions", StringComparison.Ordinal))
        {
            return DatabaseProvider.Unknown;
        }

        return name.StartsWith("Npgsql", StringComparison.Ordinal) ? DatabaseProvider.PostgreSql
            : name.StartsWith("MySql", StringComparison.Ordinal) ? DatabaseProvider.MySql
            : name.StartsWith("SqlServer", StringComparison.Ordinal) ? DatabaseProvider.SqlServer
            : name.StartsWith("Sqlite", StringComparison.Ordinal) ? DatabaseProvider.Sqlite
            : DatabaseProvider.Unknown;
    }

    private static void Read(MigrationBody body, EvidenceTally tally)
    {
        if (body.Declaration is { } declaration)
        {
            ReadSyntax(declaration, tally);
        }

        foreach (var operation in body.Operations)
        {
            if (operation.Kind == MigrationOperationKind.Sql && (operation.SqlText ?? operation.SqlTemplate) is { } sql)
            {
                ReadSqlQuoting(sql, tally);
            }
        }
    }

    /// <summary><c>type: "…"</c>, <c>oldType:</c>, <c>columnType:</c>, <c>storeType:</c>, or the argument of <c>HasColumnType("…")</c> / <c>AsCustom("…")</c>.</summary>
    private static bool IsStoreTypeArgument(LiteralExpressionSyntax literal)
    {
        if (literal.Parent is not ArgumentSyntax argument)
        {
            return false;
        }

        if (argument.NameColon is { } nameColon)
        {
            return nameColon.Name.Identifier.ValueText is "type" or "oldType" or "columnType" or "storeType";
        }

        return argument.Parent is ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax invocation }
               && MethodName(invocation) is "HasColumnType" or "AsCustom";
    }

    /// <summary><c>.HasAnnotation("Relational:MaxIdentifierLength", 63)</c>: the provider writes its own limit into every model.</summary>
    private static int? MaxIdentifierLength(InvocationExpressionSyntax invocation)
        => MethodName(invocation) == "HasAnnotation"
           && invocation.ArgumentList.Arguments.Count == 2
           && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: "Relational:MaxIdentifierLength" }
           && invocation.ArgumentList.Arguments[1].Expression is LiteralExpressionSyntax { Token.Value: int length }
            ? length
            : null;

    private static string? MethodName(InvocationExpressionSyntax invocation)
        => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax name => name.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            _ => null,
        };

    /// <summary><c>[Name]</c> as SQL Server quotes identifiers, not an array subscript (<c>tags[1]</c>, <c>ARRAY[…]</c>, <c>text[]</c>).</summary>
    private static bool IsBracketedIdentifier(string sql, int open)
    {
        if (open > 0 && (char.IsLetterOrDigit(sql[open - 1]) || sql[open - 1] == '_' || sql[open - 1] == ']'))
        {
            return false;
        }

        var index = open + 1;
        if (index >= sql.Length || !(char.IsLetter(sql[index]) || sql[index] == '_'))
        {
            return false;
        }

        while (index < sql.Length && sql[index] != ']')
        {
            if (sql[index] is '\n' or '[' or ',' or '\'' or '(')
            {
                return false;
            }

            index++;
        }

        return index < sql.Length;
    }
}
