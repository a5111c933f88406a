using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Operations;

/// <summary>One call in a FluentMigrator chain (<c>Table("Users")</c>, <c>AsString(100)</c>), root first.</summary>
/// <param name="Name">The method or property name.</param>
/// <param name="Syntax">The invocation, or the member access for a property in the chain (<c>Create</c>).</param>
/// <param name="Arguments">The call's arguments, by parameter name.</param>
public sealed record FluentCall(string Name, ExpressionSyntax Syntax, ImmutableArray<OperationArgument> Arguments)
{
    public string? FirstString => Arguments.Length > 0 ? Arguments[0].StringValue : null;

    /// <summary>The first call of a chain with this name, or null.</summary>
    public static FluentCall? Find(ImmutableArray<FluentCall> chain, string name)
    {
        foreach (var call in chain)
        {
            if (call.Name == name)
            {
                return call;
            }
        }

        return null;
    }
}
