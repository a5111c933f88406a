using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Operations;

/// <summary>One argument of an operation call, by parameter name, with its compile-time value where it has one.</summary>
/// <param name="Name">The parameter name (<c>table</c>, <c>nullable</c>); for FluentMigrator, the fluent method it was passed to.</param>
/// <param name="Syntax">The argument's expression.</param>
/// <param name="ConstantValue">Value from literals, constants, <c>nameof</c> and constant concatenation.</param>
public sealed record OperationArgument(string Name, ExpressionSyntax Syntax, Optional<object?> ConstantValue)
{
    public string? StringValue => ConstantValue.HasValue ? ConstantValue.Value as string : null;

    public bool? BoolValue => ConstantValue.HasValue && ConstantValue.Value is bool value ? value : null;

    public int? IntValue => ConstantValue.HasValue && ConstantValue.Value is int value ? value : null;

    /// <summary>True when the argument is the literal <c>null</c> (or a constant that is null).</summary>
    public bool IsNull => ConstantValue.HasValue && ConstantValue.Value is null;
}
