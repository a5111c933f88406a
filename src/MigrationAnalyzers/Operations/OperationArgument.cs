using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Operations;

/// <summary>One argument of an operation call, by parameter name, with its compile-time value where it has one.</summary>
public sealed class OperationArgument
{
    public OperationArgument(string name, ExpressionSyntax syntax, Optional<object?> constantValue)
    {
        Name = name;
        Syntax = syntax;
        ConstantValue = constantValue;
    }

    /// <summary>The parameter name (<c>table</c>, <c>nullable</c>); for FluentMigrator, the fluent method it was passed to.</summary>
    public string Name { get; }

    public ExpressionSyntax Syntax { get; }

    /// <summary>Value from literals, constants, <c>nameof</c> and constant concatenation.</summary>
    public Optional<object?> ConstantValue { get; }

    public string? StringValue => ConstantValue.HasValue ? ConstantValue.Value as string : null;

    public bool? BoolValue => ConstantValue.HasValue && ConstantValue.Value is bool value ? value : null;

    public int? IntValue => ConstantValue.HasValue && ConstantValue.Value is int value ? value : null;

    /// <summary>True when the argument is the literal <c>null</c> (or a constant that is null).</summary>
    public bool IsNull => ConstantValue.HasValue && ConstantValue.Value is null;
}
