using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Reading;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace MigrationAnalyzers.CodeFixes.NewMigrations;

/// <summary>
/// The original migration's Designer model with some columns made optional: the model between a nullable
/// <c>AddColumn</c> and the later <c>AlterColumn</c> to NOT NULL. SQLite rebuilds a table for <c>AlterColumn</c> from the
/// target model, so rolling back the NOT NULL step rebuilds the table from the model of the migration before it; with
/// the original's model (NOT NULL) the column would stay NOT NULL after that rollback.
/// </summary>
internal static class NullableTargetModel
{
    /// <summary>
    /// The Designer's <c>BuildTargetModel</c> with each column's property optional, or null when a column's property is
    /// not found exactly once (an entity without <c>ToTable</c>, a table mapped by several entities).
    /// </summary>
    public static MethodDeclarationSyntax? TryWrite(Compilation compilation, MigrationInfo original, IReadOnlyCollection<(string? Schema, string Table, string Column)> columns)
    {
        if (original.TargetModelDeclaration is not { Body: { } body } declaration || columns.Count == 0)
        {
            return null;
        }

        var model = compilation.GetSemanticModel(declaration.SyntaxTree);
        var properties = new List<InvocationExpressionSyntax>();
        foreach (var column in columns)
        {
            var found = PropertiesOf(body, column).ToList();
            if (found.Count != 1 || properties.Contains(found[0]))
            {
                return null;
            }

            properties.Add(found[0]);
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var property in properties)
        {
            if (property.Expression is not MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic }
                || model.GetTypeInfo(generic.TypeArgumentList.Arguments[0]).Type is not { } type)
            {
                return null;
            }

            if (type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
            {
                // A value-type property is required by its CLR type: int? is how EF Core's snapshot writes an optional one.
                var argument = generic.TypeArgumentList.Arguments[0];
                replacements[argument] = NullableType(argument.WithoutTrivia()).WithTriviaFrom(argument);
            }

            foreach (var isRequired in ChainAbove(property).Where(call => NameOf(call) == "IsRequired"))
            {
                replacements[isRequired.ArgumentList] = ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.FalseLiteralExpression))))
                    .WithTriviaFrom(isRequired.ArgumentList);
            }
        }

        return declaration.ReplaceNodes(replacements.Keys, (node, _) => replacements[node]);
    }

    /// <summary>The <c>b.Property&lt;T&gt;("…")</c> calls that map <paramref name="column"/>.</summary>
    private static IEnumerable<InvocationExpressionSyntax> PropertiesOf(BlockSyntax body, (string? Schema, string Table, string Column) column)
    {
        foreach (var entity in body.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(call => NameOf(call) == "Entity"))
        {
            if (entity.ArgumentList.Arguments.LastOrDefault()?.Expression is not LambdaExpressionSyntax { Body: BlockSyntax block })
            {
                continue;
            }

            var statements = block.Statements.OfType<ExpressionStatementSyntax>().Select(statement => statement.Expression).OfType<InvocationExpressionSyntax>().ToList();
            var toTable = statements.Select(Innermost).Where(call => NameOf(call) == "ToTable").ToList();
            if (toTable.Count != 1 || Text(toTable[0], 0) != column.Table
                || (column.Schema is not null && Text(toTable[0], 1) != column.Schema))
            {
                continue;
            }

            foreach (var statement in statements)
            {
                var property = Innermost(statement);
                if (NameOf(property) != "Property" || Text(property, 0) is not { } propertyName)
                {
                    continue;
                }

                var columnName = ChainAbove(property).Where(call => NameOf(call) == "HasColumnName").Select(call => Text(call, 0)).FirstOrDefault() ?? propertyName;
                if (string.Equals(columnName, column.Column, StringComparison.Ordinal))
                {
                    yield return property;
                }
            }
        }
    }

    /// <summary>The first call of a fluent chain (<c>b.Property&lt;int&gt;("X")</c> of <c>b.Property&lt;int&gt;("X").HasColumnType(…)</c>).</summary>
    private static InvocationExpressionSyntax Innermost(InvocationExpressionSyntax call)
    {
        while (call.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax inner })
        {
            call = inner;
        }

        return call;
    }

    /// <summary>The calls chained onto <paramref name="call"/>.</summary>
    private static IEnumerable<InvocationExpressionSyntax> ChainAbove(InvocationExpressionSyntax call)
    {
        for (var node = call; node.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer } access && access.Expression == node; node = outer)
        {
            yield return outer;
        }
    }

    private static string? NameOf(InvocationExpressionSyntax call)
        => call.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : null;

    private static string? Text(InvocationExpressionSyntax call, int index)
        => call.ArgumentList.Arguments.Count > index && call.ArgumentList.Arguments[index].Expression is LiteralExpressionSyntax literal
           && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
}
