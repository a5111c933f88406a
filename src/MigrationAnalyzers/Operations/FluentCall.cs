using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Operations;

/// <summary>One call in a FluentMigrator chain (<c>Table("Users")</c>, <c>AsString(100)</c>), root first.</summary>
public sealed class FluentCall
{
    public FluentCall(string name, ExpressionSyntax syntax, ImmutableArray<OperationArgument> arguments)
    {
        Name = name;
        Syntax = syntax;
        Arguments = arguments;
    }

    public string Name { get; }

    /// <summary>The invocation, or the member access for a property in the chain (<c>Create</c>).</summary>
    public ExpressionSyntax Syntax { get; }

    public ImmutableArray<OperationArgument> Arguments { get; }

    public string? FirstString => Arguments.Length > 0 ? Arguments[0].StringValue : null;
}
