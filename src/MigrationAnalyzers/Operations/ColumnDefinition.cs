using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Operations;

/// <summary>
/// A column as written in a migration: an EF Core <c>table.Column&lt;T&gt;(…)</c> / <c>AddColumn&lt;T&gt;</c> /
/// <c>AlterColumn&lt;T&gt;</c>, or a FluentMigrator <c>WithColumn("x").AsInt32()…</c> / <c>AddColumn</c> / <c>AlterColumn</c>.
/// </summary>
public sealed class ColumnDefinition
{
    public ColumnDefinition(
        string? name,
        SyntaxNode syntax,
        TypeSyntax? clrTypeSyntax,
        ITypeSymbol? clrType,
        string? fluentType,
        OperationArguments arguments,
        ImmutableArray<FluentCall> fluentCalls)
    {
        Name = name;
        Syntax = syntax;
        ClrTypeSyntax = clrTypeSyntax;
        ClrType = ClrTypeFacts.Of(clrType);
        FluentType = fluentType;
        Arguments = arguments;
        FluentCalls = fluentCalls;
    }

    public string? Name { get; }

    /// <summary>The expression that defines the column (EF Core <c>table.Column&lt;T&gt;(…)</c>; FluentMigrator the chain segment).</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>EF Core: the <c>T</c> of <c>Column&lt;T&gt;</c>.</summary>
    public TypeSyntax? ClrTypeSyntax { get; }

    /// <summary>EF Core: what the <c>T</c> of <c>Column&lt;T&gt;</c> is, as facts rather than a symbol (operations outlive their compilation).</summary>
    public ClrTypeFacts? ClrType { get; }

    /// <summary>FluentMigrator: the <c>AsXxx</c> method (<c>AsInt32</c>, <c>AsString</c>), without its arguments.</summary>
    public string? FluentType { get; }

    /// <summary>EF Core: the arguments of the column call by parameter name (<c>nullable</c>, <c>maxLength</c>, <c>defaultValue</c> …).</summary>
    public OperationArguments Arguments { get; }

    /// <summary>FluentMigrator: the calls that follow <c>WithColumn</c>/<c>AddColumn</c> (<c>AsString(100)</c>, <c>NotNullable()</c> …).</summary>
    public ImmutableArray<FluentCall> FluentCalls { get; }

    /// <summary>
    /// Null when the column says nothing. EF Core: the <c>nullable</c> argument (a reference type column
    /// defaults to nullable, a value type to not nullable). FluentMigrator: <c>Nullable()</c>/<c>NotNullable()</c>
    /// (FluentMigrator's default is NOT NULL, so null here means NOT NULL for it).
    /// </summary>
    public bool? IsNullable
    {
        get
        {
            if (Arguments.TryGetValue("nullable", out var nullable))
            {
                return nullable.BoolValue;
            }

            foreach (var call in FluentCalls)
            {
                if (call.Name == "Nullable")
                {
                    return true;
                }

                if (call.Name == "NotNullable" || call.Name == "PrimaryKey")
                {
                    return false;
                }
            }

            return null;
        }
    }

    /// <summary>The column gets a value for existing rows: a default value, default SQL or a computed expression.</summary>
    public bool HasDefault
    {
        get
        {
            foreach (var name in new[] { "defaultValue", "defaultValueSql", "computedColumnSql" })
            {
                if (Arguments.TryGetValue(name, out var argument) && !argument.IsNull)
                {
                    return true;
                }
            }

            foreach (var call in FluentCalls)
            {
                if (call.Name is "WithDefaultValue" or "WithDefault" or "Computed")
                {
                    return true;
                }
            }

            return false;
        }
    }

    public OperationArgument? GetArgument(string name) => Arguments.TryGetValue(name, out var argument) ? argument : null;

    public FluentCall? FindCall(string name) => FluentCall.Find(FluentCalls, name);
}
