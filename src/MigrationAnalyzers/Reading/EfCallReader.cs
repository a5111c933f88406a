using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>Where an EF Core call sits: on the migration builder, in CreateTable's columns lambda, or in its constraints lambda.</summary>
internal enum EfCallSite
{
    Builder,
    Column,
    Constraint,
}

/// <summary>
/// How <see cref="EfCoreOperationReader"/> learns what a call is and what its arguments hold: through the semantic model
/// (<see cref="SemanticCallReader"/>) or from the syntax alone (<see cref="SyntaxCallReader"/>). Both feed the same
/// code that builds the operation, so the two can only differ in what they answer here.
/// </summary>
internal abstract class EfCallReader
{
    /// <summary>The receiver is the migration builder.</summary>
    public abstract bool IsBuilder(ExpressionSyntax receiver);

    /// <summary>A call of this name on the builder is read by this reader.</summary>
    public abstract bool Accepts(string methodName);

    public abstract Optional<object?> Constant(ExpressionSyntax expression);

    public abstract OperationArgument Read(string name, ExpressionSyntax expression);

    /// <param name="receiver">For calls inside a lambda of CreateTable: the name of the lambda's parameter.</param>
    public abstract IMethodSymbol? ResolveMethod(InvocationExpressionSyntax invocation, EfCallSite site, string? receiver);

    public abstract OperationArguments Arguments(InvocationExpressionSyntax invocation, IMethodSymbol? method);

    /// <summary>The string values of a column list argument: <c>"A"</c>, <c>new[] { "A", "B" }</c>.</summary>
    public abstract ImmutableArray<string> StringList(OperationArgument? argument);

    public abstract string? SqlTemplate(OperationArgument sql);
}
