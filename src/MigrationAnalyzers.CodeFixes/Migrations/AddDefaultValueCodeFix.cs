using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.Descriptors;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Rules.Migrations;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1030 fix: gives a new NOT NULL column a default of its type (EF Core <c>defaultValue:</c>, FluentMigrator
/// <c>.WithDefaultValue(…)</c>), so existing rows get a value. Offered only for added columns whose type is known:
/// a default does not fill the NULLs of a column made NOT NULL by <c>AlterColumn</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddDefaultValueCodeFix)), Shared]
public sealed class AddDefaultValueCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "MIG1030.AddDefaultValue";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.NotNullColumnWithoutDefault);

    public override FixAllProvider GetFixAllProvider() => OneByOneFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(NotNullColumnWithoutDefaultAnalyzer.ChangeProperty, out var change) || change != "add"
                || !diagnostic.Properties.TryGetValue(NotNullColumnWithoutDefaultAnalyzer.ColumnProperty, out var columnName)
                || FindColumn(semanticModel, diagnostic, columnName, context.CancellationToken) is not { } found)
            {
                continue;
            }

            var (operation, column) = found;
            var edit = operation.Framework == MigrationFramework.EntityFrameworkCore ? EfCoreEdit(column) : FluentMigratorEdit(column);
            if (edit is null)
            {
                continue;
            }

            var (oldNode, newNode) = edit.Value;
            context.RegisterCodeFix(
                SyntaxEditAction.Create("Add a default value", context.Document, root => root.ReplaceNode(oldNode, newNode), EquivalenceKey),
                diagnostic);
        }
    }

    private static (MigrationOperation Operation, ColumnDefinition Column)? FindColumn(SemanticModel semanticModel, Diagnostic diagnostic, string? columnName, CancellationToken cancellationToken)
    {
        if (EnclosingMigration.Of(semanticModel, diagnostic, cancellationToken) is not { } migration)
        {
            return null;
        }

        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind == Operations.MigrationOperationKind.AddColumn
                && operation.Syntax.Span == diagnostic.Location.SourceSpan
                && operation.Name == columnName
                && operation.Column is { } column)
            {
                return (operation, column);
            }
        }

        return null;
    }

    /// <summary><c>AddColumn&lt;int&gt;(…)</c> → <c>AddColumn&lt;int&gt;(…, defaultValue: 0)</c>; an explicit <c>defaultValue: null</c> is replaced.</summary>
    private static (SyntaxNode, SyntaxNode)? EfCoreEdit(ColumnDefinition column)
    {
        if (column.Syntax is not InvocationExpressionSyntax invocation || DefaultFor(column.ClrType) is not { } value)
        {
            return null;
        }

        var existing = invocation.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "defaultValue");
        var arguments = existing is not null
            ? invocation.ArgumentList.Arguments.Replace(existing, existing.WithExpression(value))
            : invocation.ArgumentList.Arguments.Add(Argument(NameColon(IdentifierName("defaultValue")), default, value));
        return (invocation, invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments)));
    }

    /// <summary>Appends <c>.WithDefaultValue(…)</c> after the column's last modifier (<c>.AsInt32().NotNullable()</c>).</summary>
    private static (SyntaxNode, SyntaxNode)? FluentMigratorEdit(ColumnDefinition column)
    {
        if (column.FluentCalls.IsEmpty || DefaultFor(column.FluentType) is not { } value)
        {
            return null;
        }

        var last = column.FluentCalls[column.FluentCalls.Length - 1].Syntax;
        var withDefault = InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, last.WithoutTrailingTrivia(), IdentifierName("WithDefaultValue")),
            ArgumentList(SingletonSeparatedList(Argument(value))))
            .WithTrailingTrivia(last.GetTrailingTrivia());
        return (last, withDefault);
    }

    /// <summary>A default whose CLR type matches the column, so EF Core stores it as the column's type.</summary>
    private static ExpressionSyntax? DefaultFor(ClrTypeFacts? type)
    {
        switch (type?.SpecialType)
        {
            case SpecialType.System_Int32: return Parse("0");
            case SpecialType.System_Int64: return Parse("0L");
            case SpecialType.System_Int16: return Parse("(short)0");
            case SpecialType.System_Byte: return Parse("(byte)0");
            case SpecialType.System_Decimal: return Parse("0m");
            case SpecialType.System_Double: return Parse("0.0");
            case SpecialType.System_Single: return Parse("0f");
            case SpecialType.System_Boolean: return Parse("false");
            case SpecialType.System_String: return Parse("\"\"");
            case SpecialType.System_DateTime: return Parse("global::System.DateTime.MinValue");
        }

        return type is { IsSystemStruct: true }
            ? type.Name switch
            {
                "Guid" => Parse("global::System.Guid.Empty"),
                "DateTimeOffset" => Parse("global::System.DateTimeOffset.MinValue"),
                "TimeSpan" => Parse("global::System.TimeSpan.Zero"),
                _ => null,
            }
            : null;
    }

    /// <summary>FluentMigrator's <c>AsXxx</c> type to a default; <c>WithDefaultValue</c> takes any object and writes it as a literal.</summary>
    private static ExpressionSyntax? DefaultFor(string? fluentType)
        => fluentType switch
        {
            "AsByte" or "AsInt16" or "AsInt32" or "AsInt64" => Parse("0"),
            "AsDecimal" or "AsCurrency" => Parse("0m"),
            "AsDouble" or "AsFloat" => Parse("0.0"),
            "AsBoolean" => Parse("false"),
            "AsString" or "AsAnsiString" or "AsFixedLengthString" or "AsFixedLengthAnsiString" => Parse("\"\""),
            "AsDate" or "AsDateTime" or "AsDateTime2" => Parse("global::System.DateTime.MinValue"),
            "AsDateTimeOffset" => Parse("global::System.DateTimeOffset.MinValue"),
            "AsTime" => Parse("global::System.TimeSpan.Zero"),
            "AsGuid" => Parse("global::System.Guid.Empty"),
            _ => null,
        };

    private static ExpressionSyntax Parse(string text) => ParseExpression(text).WithAdditionalAnnotations(Simplifier.Annotation);
}
