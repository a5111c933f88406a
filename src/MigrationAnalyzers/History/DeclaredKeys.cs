using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.History;

/// <summary>
/// The names of the indexes, alternate keys and foreign keys an EF Core Designer model (<c>BuildTargetModel</c>) or model
/// snapshot declares, by table: <c>b.HasIndex("CustomerId")</c>, <c>b.HasAlternateKey("Code")</c> and
/// <c>b.HasOne("Ns.Customer", …).WithMany().HasForeignKey("CustomerId")</c>, each under its explicit name
/// (<c>HasDatabaseName</c>, <c>HasName</c>, <c>HasConstraintName</c>) or the name EF Core's conventions give it
/// (<c>IX_Table_Col</c>, <c>AK_Table_Col</c>, <c>FK_Table_Principal_Col</c>). A conventional name longer than the model's
/// <c>Relational:MaxIdentifierLength</c> is truncated by EF Core in a way not repeated here: such a key is left out, so
/// nothing is matched on a guess. Read from syntax only: the Designer holds literals.
/// </summary>
internal sealed class DeclaredKeys
{
    private readonly HashSet<string> _names;

    private DeclaredKeys(HashSet<string> names)
    {
        _names = names;
    }

    /// <summary>Whether the model declares a key or index named <paramref name="name"/> on <paramref name="table"/>.</summary>
    public bool Declares(string table, string name) => _names.Contains(table + "\n" + name);

    public static DeclaredKeys Read(MethodDeclarationSyntax buildTargetModel)
    {
        var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
        var maxLength = int.MaxValue;
        foreach (var node in buildTargetModel.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax invocation && Name(invocation) == "HasAnnotation"
                && invocation.ArgumentList.Arguments.Count == 2
                && StringLiteral(invocation.ArgumentList.Arguments[0].Expression) == "Relational:MaxIdentifierLength"
                && invocation.ArgumentList.Arguments[1].Expression is LiteralExpressionSyntax { Token.Value: int length })
            {
                maxLength = length;
            }
        }

        // First pass: every entity's table and columns; relationships name principals declared anywhere in the model.
        var blocks = new List<(Entity Entity, LambdaExpressionSyntax Lambda)>();
        foreach (var statement in buildTargetModel.Body?.Statements ?? default)
        {
            if (statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } && Name(call) == "Entity"
                && call.ArgumentList.Arguments.Count == 2
                && StringLiteral(call.ArgumentList.Arguments[0].Expression) is { } entityName
                && call.ArgumentList.Arguments[1].Expression is LambdaExpressionSyntax lambda)
            {
                if (!entities.TryGetValue(entityName, out var entity))
                {
                    entities[entityName] = entity = new Entity();
                }

                ReadShape(lambda, entity);
                blocks.Add((entity, lambda));
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entity, lambda) in blocks)
        {
            if (TableOf(entity, entities) is not { } table)
            {
                continue;
            }

            foreach (var chain in Chains(lambda))
            {
                var root = chain[0];
                var arguments = root.ArgumentList.Arguments;
                string? name = null;
                switch (Name(root))
                {
                    case "HasIndex":
                        name = Explicit(chain, "HasDatabaseName", "HasName") ?? Conventional("IX_" + table, Columns(arguments, 0, entity, entities), maxLength);
                        break;
                    case "HasAlternateKey":
                        name = Explicit(chain, "HasName") ?? Conventional("AK_" + table, Columns(arguments, 0, entity, entities), maxLength);
                        break;
                    case "HasOne" when arguments.Count >= 1 && StringLiteral(arguments[0].Expression) is { } principalName:
                        if (FindCall(chain, "HasForeignKey") is { } foreignKey)
                        {
                            var principalTable = entities.TryGetValue(principalName, out var principal) ? TableOf(principal, entities) : null;
                            name = Explicit(chain, "HasConstraintName")
                                ?? (principalTable is null ? null : Conventional("FK_" + table + "_" + principalTable, Columns(foreignKey.ArgumentList.Arguments, 0, entity, entities), maxLength));
                        }

                        break;
                }

                if (name is not null)
                {
                    names.Add(table + "\n" + name);
                }
            }
        }

        return new DeclaredKeys(names);
    }

    private static string? Conventional(string prefix, List<string>? columns, int maxLength)
    {
        if (columns is null || columns.Count == 0)
        {
            return null;
        }

        var name = prefix + "_" + string.Join("_", columns);
        return name.Length <= maxLength ? name : null;
    }

    /// <summary>The column names of the property names in <paramref name="arguments"/>; null when one is not a literal.</summary>
    private static List<string>? Columns(SeparatedSyntaxList<ArgumentSyntax> arguments, int start, Entity entity, Dictionary<string, Entity> entities)
    {
        var columns = new List<string>();
        for (var index = start; index < arguments.Count; index++)
        {
            if (StringLiteral(arguments[index].Expression) is not { } property)
            {
                return null;
            }

            columns.Add(ColumnOf(entity, property, entities, 0));
        }

        return columns;
    }

    private static string ColumnOf(Entity entity, string property, Dictionary<string, Entity> entities, int depth)
    {
        if (entity.ColumnNames.TryGetValue(property, out var column))
        {
            return column;
        }

        return depth < 16 && entity.Mapping.BaseType is { } baseName && entities.TryGetValue(baseName, out var baseEntity)
            ? ColumnOf(baseEntity, property, entities, depth + 1)
            : property;
    }

    private static string? TableOf(Entity entity, Dictionary<string, Entity> entities)
        => EntityTableMapping.TableOf(entity.Mapping, name => entities.TryGetValue(name, out var named) ? named.Mapping : null)?.Name;

    private static void ReadShape(LambdaExpressionSyntax lambda, Entity entity)
    {
        foreach (var chain in Chains(lambda))
        {
            var root = chain[0];
            var arguments = root.ArgumentList.Arguments;
            if (!entity.Mapping.Read(Name(root), arguments)
                && Name(root) == "Property" && arguments.Count >= 1 && StringLiteral(arguments[0].Expression) is { } property)
            {
                entity.ColumnNames[property] = Explicit(chain, "HasColumnName") ?? property;
            }
        }
    }

    private static string? Explicit(List<InvocationExpressionSyntax> chain, params string[] methods)
    {
        foreach (var link in chain)
        {
            if (Array.IndexOf(methods, Name(link)) >= 0 && link.ArgumentList.Arguments.Count == 1
                && StringLiteral(link.ArgumentList.Arguments[0].Expression) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    private static InvocationExpressionSyntax? FindCall(List<InvocationExpressionSyntax> chain, string method)
    {
        foreach (var link in chain)
        {
            if (Name(link) == method)
            {
                return link;
            }
        }

        return null;
    }

    /// <summary>The call chains of the statements of an entity block, each root (on <c>b</c>) first.</summary>
    private static IEnumerable<List<InvocationExpressionSyntax>> Chains(LambdaExpressionSyntax lambda)
    {
        var statements = lambda.Body is BlockSyntax block ? (IEnumerable<StatementSyntax>)block.Statements : Array.Empty<StatementSyntax>();
        var expressions = new List<ExpressionSyntax>();
        if (lambda.Body is ExpressionSyntax single)
        {
            expressions.Add(single);
        }

        foreach (var statement in statements)
        {
            if (statement is ExpressionStatementSyntax expressionStatement)
            {
                expressions.Add(expressionStatement.Expression);
            }
        }

        foreach (var expression in expressions)
        {
            var calls = new List<InvocationExpressionSyntax>();
            ExpressionSyntax current = expression;
            while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
            {
                calls.Add(invocation);
                current = access.Expression;
            }

            if (calls.Count > 0 && current is IdentifierNameSyntax)
            {
                calls.Reverse();
                yield return calls;
            }
        }
    }

    private static string? Name(InvocationExpressionSyntax invocation)
        => invocation.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : null;

    private static string? StringLiteral(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

    private sealed class Entity
    {
        public Dictionary<string, string> ColumnNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public EntityTableMapping Mapping { get; } = new EntityTableMapping();
    }
}
