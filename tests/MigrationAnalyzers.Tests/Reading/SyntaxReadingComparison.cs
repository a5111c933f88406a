using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.Tests.Reading;

/// <summary>
/// Reads every statement of every EF Core Up and Down (and the helpers they call) of a compilation twice, from syntax and
/// through the semantic model, and lists every difference between the operations the two give: kind, method, every
/// argument with its value, names, columns, CreateTable's columns and constraints, annotations, SQL and the syntax
/// (so the location) each part points at. Also used by the evaluation tests (linked there).
/// </summary>
public static class SyntaxReadingComparison
{
    public sealed record Result(int FromSyntax, int ThroughSemanticModel, int Operations, IReadOnlyList<string> Differences, IReadOnlyList<string> FallbackSamples);

    public static Result Compare(Compilation compilation)
    {
        var symbols = MigrationSymbols.Create(compilation);
        var differences = new List<string>();
        var fallbacks = new List<string>();
        int fromSyntax = 0, throughModel = 0, operations = 0;
        foreach (var migration in MigrationCatalog.For(compilation).All.Where(m => m.Framework == MigrationFramework.EntityFrameworkCore))
        {
            foreach (var body in new[] { migration.Up, migration.Down })
            {
                var declarations = body.Declaration is null ? Enumerable.Empty<MethodDeclarationSyntax>() : new[] { body.Declaration }.Concat(body.CalledMethods);
                foreach (var declaration in declarations.Distinct())
                {
                    var model = compilation.GetSemanticModel(declaration.SyntaxTree);
                    if (model.GetDeclaredSymbol(declaration) is not IMethodSymbol method || declaration.Parent is not TypeDeclarationSyntax container)
                    {
                        continue;
                    }

                    var builder = method.Parameters.FirstOrDefault(p => SymbolEqualityComparer.Default.Equals(p.Type, symbols.EfMigrationBuilder));
                    var reader = new EfCoreOperationReader(model, symbols, builder, new SyntaxArguments(model, declaration, container, method.ContainingType, CancellationToken.None), CancellationToken.None);
                    foreach (var (expression, statement) in Expressions(declaration))
                    {
                        var semantic = reader.ReadSemanticOnly(expression, statement);
                        var syntax = reader.ReadSyntaxOnly(expression, statement);
                        if (semantic is not null)
                        {
                            operations++;
                        }

                        var where = $"{migration.Name} {expression.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {Short(expression)}";
                        if (syntax is null)
                        {
                            if (semantic is not null)
                            {
                                throughModel++;
                                fallbacks.Add(where);
                            }

                            continue;
                        }

                        fromSyntax++;
                        if (semantic is null)
                        {
                            differences.Add(where + ": read from syntax, not an operation for the semantic model");
                            continue;
                        }

                        differences.AddRange(Differences(syntax, semantic).Select(d => where + ": " + d));
                    }
                }
            }
        }

        return new Result(fromSyntax, throughModel, operations, differences, fallbacks);
    }

    /// <summary>
    /// Reads every statement of every FluentMigrator Up and Down (and the methods they call) twice, with the constants
    /// and the chain's root read from syntax where that is sure and with the semantic model alone, and lists every
    /// difference between the operations the two give.
    /// </summary>
    public static Result CompareFluentMigrator(Compilation compilation)
    {
        var differences = new List<string>();
        int statements = 0, operations = 0;
        foreach (var migration in MigrationCatalog.For(compilation).All.Where(m => m.Framework == MigrationFramework.FluentMigrator))
        {
            foreach (var body in new[] { migration.Up, migration.Down })
            {
                var declarations = body.Declaration is null ? Enumerable.Empty<MethodDeclarationSyntax>() : new[] { body.Declaration }.Concat(body.CalledMethods);
                foreach (var declaration in declarations.Distinct())
                {
                    if (declaration.Parent is not TypeDeclarationSyntax container
                        || compilation.GetSemanticModel(declaration.SyntaxTree).GetDeclaredSymbol(container) is not INamedTypeSymbol containingType)
                    {
                        continue;
                    }

                    // Each reader on a semantic model of its own, so nothing one binds helps the other.
                    var syntaxFirst = new FluentMigratorOperationReader(
                        compilation.GetSemanticModel(declaration.SyntaxTree),
                        new SyntaxArguments(compilation.GetSemanticModel(declaration.SyntaxTree), declaration, container, containingType, CancellationToken.None),
                        CancellationToken.None);
                    var semanticOnly = new FluentMigratorOperationReader(compilation.GetSemanticModel(declaration.SyntaxTree), null, CancellationToken.None);
                    foreach (var (expression, statement) in Expressions(declaration))
                    {
                        statements++;
                        var where = $"{migration.Name} {expression.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {Short(expression)}";
                        var fromSyntax = syntaxFirst.Read(expression, statement);
                        var fromModel = semanticOnly.Read(expression, statement);
                        operations += fromModel.Length;
                        if (fromSyntax.Length != fromModel.Length)
                        {
                            differences.Add(where + $": {fromSyntax.Length} vs {fromModel.Length} operations");
                            continue;
                        }

                        for (var i = 0; i < fromSyntax.Length; i++)
                        {
                            differences.AddRange(Differences(fromSyntax[i], fromModel[i]).Select(d => where + ": " + d));
                        }
                    }
                }
            }
        }

        return new Result(statements, statements, operations, differences, Array.Empty<string>());
    }

    private static IEnumerable<(ExpressionSyntax Expression, StatementSyntax? Statement)> Expressions(MethodDeclarationSyntax declaration)
    {
        if (declaration.ExpressionBody is { Expression: not ThrowExpressionSyntax } arrow)
        {
            yield return (arrow.Expression, null);
        }

        foreach (var statement in declaration.Body?.Statements ?? default)
        {
            if (statement is ExpressionStatementSyntax expressionStatement)
            {
                yield return (expressionStatement.Expression, statement);
            }
        }
    }

    public static IEnumerable<string> Differences(MigrationOperation syntax, MigrationOperation semantic, string path = "")
    {
        if (syntax.Kind != semantic.Kind)
        {
            yield return $"{path}Kind {syntax.Kind} vs {semantic.Kind}";
        }

        if (syntax.Framework != semantic.Framework || syntax.MethodName != semantic.MethodName)
        {
            yield return $"{path}method name {syntax.MethodName} vs {semantic.MethodName}";
        }

        if (!ReferenceEquals(syntax.Syntax, semantic.Syntax) || !ReferenceEquals(syntax.Statement, semantic.Statement) || syntax.Location != semantic.Location)
        {
            yield return $"{path}syntax or location differs";
        }

        if (syntax.HasMethod != semantic.HasMethod)
        {
            yield return $"{path}HasMethod {syntax.HasMethod} vs {semantic.HasMethod}";
        }

        foreach (var (name, a, b) in new[]
        {
            ("Schema", syntax.Schema, semantic.Schema), ("Table", syntax.Table, semantic.Table), ("Name", syntax.Name, semantic.Name),
            ("NewName", syntax.NewName, semantic.NewName), ("NewSchema", syntax.NewSchema, semantic.NewSchema),
            ("PrincipalTable", syntax.PrincipalTable, semantic.PrincipalTable), ("SqlText", syntax.SqlText, semantic.SqlText),
            ("SqlTemplate", syntax.SqlTemplate, semantic.SqlTemplate),
        })
        {
            if (a != b)
            {
                yield return $"{path}{name} '{a}' vs '{b}'";
            }
        }

        if (syntax.SuppressesTransaction != semantic.SuppressesTransaction)
        {
            yield return $"{path}SuppressesTransaction";
        }

        if (!syntax.Columns.SequenceEqual(semantic.Columns))
        {
            yield return $"{path}Columns [{string.Join(",", syntax.Columns)}] vs [{string.Join(",", semantic.Columns)}]";
        }

        if (!syntax.DatabaseConditions.SequenceEqual(semantic.DatabaseConditions) || syntax.FluentCalls.Length != semantic.FluentCalls.Length)
        {
            yield return $"{path}FluentMigrator parts differ";
        }
        else
        {
            foreach (var difference in FluentCallDifferences(syntax.FluentCalls, semantic.FluentCalls, path))
            {
                yield return difference;
            }
        }

        foreach (var difference in ArgumentDifferences(syntax.Arguments, semantic.Arguments, path + "argument "))
        {
            yield return difference;
        }

        foreach (var difference in ArgumentDifferences(syntax.Annotations, semantic.Annotations, path + "annotation "))
        {
            yield return difference;
        }

        if (syntax.ColumnDefinitions.Length != semantic.ColumnDefinitions.Length)
        {
            yield return $"{path}{syntax.ColumnDefinitions.Length} vs {semantic.ColumnDefinitions.Length} column definitions";
        }
        else
        {
            for (var i = 0; i < syntax.ColumnDefinitions.Length; i++)
            {
                var a = syntax.ColumnDefinitions[i];
                var b = semantic.ColumnDefinitions[i];
                var column = $"{path}column {i} ";
                if (a.Name != b.Name || !ReferenceEquals(a.Syntax, b.Syntax) || !ReferenceEquals(a.ClrTypeSyntax, b.ClrTypeSyntax) || a.FluentType != b.FluentType || a.FluentCalls.Length != b.FluentCalls.Length)
                {
                    yield return column + $"'{a.Name}' vs '{b.Name}' (name, syntax or type syntax)";
                }

                if (Facts(a.ClrType) != Facts(b.ClrType))
                {
                    yield return column + $"ClrType {Facts(a.ClrType)} vs {Facts(b.ClrType)}";
                }

                foreach (var difference in ArgumentDifferences(a.Arguments, b.Arguments, column + "argument "))
                {
                    yield return difference;
                }

                if (a.FluentCalls.Length == b.FluentCalls.Length)
                {
                    foreach (var difference in FluentCallDifferences(a.FluentCalls, b.FluentCalls, column))
                    {
                        yield return difference;
                    }
                }
            }
        }

        if (syntax.Constraints.Length != semantic.Constraints.Length)
        {
            yield return $"{path}{syntax.Constraints.Length} vs {semantic.Constraints.Length} constraints";
        }
        else
        {
            for (var i = 0; i < syntax.Constraints.Length; i++)
            {
                foreach (var difference in Differences(syntax.Constraints[i], semantic.Constraints[i], $"{path}constraint {i} "))
                {
                    yield return difference;
                }
            }
        }
    }

    /// <summary>
    /// The same method, or, where the semantic model's is constructed from CreateTable's anonymous column type (which
    /// only binding gives), the same definition.
    /// </summary>
    private static (SpecialType, string, bool, bool, bool, bool)? Facts(ClrTypeFacts? type)
        => type is null ? null : (type.SpecialType, type.Name, type.IsSystemStruct, type.IsNullableValueType, type.IsReferenceType, type.IsByteArray);

    /// <summary>Each call of a FluentMigrator chain: its name, syntax and every argument with its value.</summary>
    private static IEnumerable<string> FluentCallDifferences(ImmutableArray<FluentCall> syntax, ImmutableArray<FluentCall> semantic, string path)
    {
        for (var i = 0; i < syntax.Length; i++)
        {
            var a = syntax[i];
            var b = semantic[i];
            var call = $"{path}call {i} {a.Name} ";
            if (a.Name != b.Name || !ReferenceEquals(a.Syntax, b.Syntax) || a.Arguments.Length != b.Arguments.Length)
            {
                yield return call + $"'{a.Name}' vs '{b.Name}' (name, syntax or argument count)";
                continue;
            }

            for (var j = 0; j < a.Arguments.Length; j++)
            {
                foreach (var difference in ArgumentDifferences(
                    new Dictionary<string, OperationArgument> { ["#" + j] = a.Arguments[j] },
                    new Dictionary<string, OperationArgument> { ["#" + j] = b.Arguments[j] },
                    call + "argument "))
                {
                    yield return difference;
                }
            }
        }
    }

    private static IEnumerable<string> ArgumentDifferences(IReadOnlyDictionary<string, OperationArgument> syntax, IReadOnlyDictionary<string, OperationArgument> semantic, string path)
    {
        if (!syntax.Keys.OrderBy(k => k, StringComparer.Ordinal).SequenceEqual(semantic.Keys.OrderBy(k => k, StringComparer.Ordinal)))
        {
            yield return $"{path}names [{string.Join(",", syntax.Keys)}] vs [{string.Join(",", semantic.Keys)}]";
            yield break;
        }

        foreach (var (key, a) in syntax)
        {
            var b = semantic[key];
            if (a.Name != b.Name || !ReferenceEquals(a.Syntax, b.Syntax))
            {
                yield return $"{path}{key}: name or syntax";
            }

            if (a.ConstantValue.HasValue != b.ConstantValue.HasValue
                || (a.ConstantValue.HasValue && (!Equals(a.ConstantValue.Value, b.ConstantValue.Value) || a.ConstantValue.Value?.GetType() != b.ConstantValue.Value?.GetType())))
            {
                yield return $"{path}{key}: value {Describe(a.ConstantValue)} vs {Describe(b.ConstantValue)}";
            }
        }
    }

    private static string Describe(Optional<object?> value)
        => !value.HasValue ? "(none)" : value.Value is null ? "null" : $"{value.Value} ({value.Value.GetType().Name})";

    private static string Short(SyntaxNode node)
    {
        var text = node.ToString().Replace("\r", " ").Replace("\n", " ");
        return text.Length > 90 ? text.Substring(0, 90) + "…" : text;
    }
}
