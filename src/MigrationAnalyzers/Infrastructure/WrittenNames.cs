using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Infrastructure;

/// <summary>
/// Names as the code writes them, read before anything is bound. Analyzers that look for particular members register
/// syntax actions and reject every other call, creation or reference by these names, then bind only the candidates
/// (<see cref="SemanticModel.GetOperation"/> on that node). Operation actions would make Roslyn bind every method body
/// of the project for the analyzers, which at thousands of migrations costs more than all our rules together.
/// </summary>
internal static class WrittenNames
{
    /// <summary><c>Name</c> in <c>a.Name(…)</c>, <c>a?.Name(…)</c>, <c>Name(…)</c> or <c>Name&lt;T&gt;(…)</c>; null for a delegate called through another expression.</summary>
    public static string? Invoked(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The rightmost name of the type <c>new</c> creates as written (<c>SqlConnection</c> in <c>new
    /// System.Data.SqlClient.SqlConnection()</c>, or in <c>SqlConnection c = new();</c>); null where no type is written
    /// (see <see cref="CreatedType"/>) and for types without a name.
    /// </summary>
    public static string? Created(BaseObjectCreationExpressionSyntax creation)
        => CreatedType(creation) is { } type ? Rightmost(type) : null;

    /// <summary>
    /// The type a <c>new</c> creates as the code writes it: after <c>new</c>, or for a target-typed <c>new()</c> in the
    /// declaration it initializes. Null where no type is written (an argument, a return): only binding tells there.
    /// </summary>
    public static TypeSyntax? CreatedType(BaseObjectCreationExpressionSyntax creation) => creation switch
    {
        ObjectCreationExpressionSyntax { Type: var type } => type,
        ImplicitObjectCreationExpressionSyntax targetTyped => DeclaredTarget(targetTyped),
        _ => null,
    };

    /// <summary>
    /// The type a target-typed <c>new()</c> creates where its declaration writes it: a field, local or property
    /// initializer (<c>List&lt;Order&gt; orders = new();</c>, a nullable type's underlying type) or a parameter default.
    /// Null where the target comes from binding (an argument, a return, an assignment): there only the bound creation tells.
    /// </summary>
    private static TypeSyntax? DeclaredTarget(ImplicitObjectCreationExpressionSyntax creation)
    {
        var declared = creation.Parent is not EqualsValueClauseSyntax { Value: var value } clause || value != creation
            ? null
            : clause.Parent switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
                PropertyDeclarationSyntax property => property.Type,
                ParameterSyntax parameter => parameter.Type,
                _ => null,
            };

        // `var` cannot take a target-typed new (it is an error), and is not a type name to check.
        return declared is NullableTypeSyntax nullable ? nullable.ElementType : declared is IdentifierNameSyntax { IsVar: true } ? null : declared;
    }

    public static string? Rightmost(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="name"/> is a using alias where <paramref name="node"/> stands: declared in its file
    /// (<c>using Conn = …;</c>, at the top or in a namespace) or by a <c>global using</c> in any file of the compilation.
    /// An alias hides the type's own name from the name check, so such a name is bound like a candidate.
    /// </summary>
    public static bool IsAlias(SyntaxNode node, string name, SemanticModel model)
        => IsAliasInFile(node, name) || GlobalAliases.Of(model).Contains(name);

    private static bool IsAliasInFile(SyntaxNode node, string name)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            var usings = current switch
            {
                CompilationUnitSyntax unit => unit.Usings,
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                _ => default,
            };
            foreach (var directive in usings)
            {
                if (directive.Alias is { } alias && alias.Name.Identifier.ValueText == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The reference a syntax action on an identifier or an element access stands for: the whole <c>a.Name</c> (or
    /// <c>?.Name</c>) when the name is qualified, the identifier when it is not, the element access for an indexer; null
    /// when <paramref name="mayName"/> rejects the written name (<c>this[]</c> for an indexer).
    /// </summary>
    public static SyntaxNode? Referenced(SyntaxNode node, System.Func<string, bool> mayName)
    {
        if (node is not SimpleNameSyntax name)
        {
            return mayName("this[]") ? node : null;
        }

        if (!mayName(name.Identifier.ValueText))
        {
            return null;
        }

        return name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            || name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name
            ? name.Parent
            : name;
    }
}
