using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// Decides, for one use of an obsolete member, whether the replacement its [Obsolete] message names really replaces it there:
/// the use is rewritten and the compiler binds the rewritten expression where the original stood (speculative binding).
/// Overloads and argument conversions are the compiler's choice; then static or instance must match and the return type
/// must be the same or convert implicitly. A replacement that returns a task for a synchronous member is never a rewrite:
/// the caller would drop the work or hold a task where it held a value.
/// </summary>
public static class ObsoleteReplacementBinding
{
    /// <summary>Null when the replacement binds at this use; otherwise why no fix is offered, in words for the diagnostic.</summary>
    public static string? WhyNotReplaceable(SemanticModel model, ExpressionSyntax use, ISymbol original, ObsoleteReplacement.Candidate candidate)
    {
        var rewritten = Rewrite(use, candidate);
        if (rewritten is null)
        {
            return "the use cannot be rewritten in place";
        }

        var info = model.GetSpeculativeSymbolInfo(use.SpanStart, rewritten, SpeculativeBindingOption.BindAsExpression);
        if (info.Symbol is not { } replacement)
        {
            // The compiler reports a static member called on an instance as an overload failure: say what is really wrong.
            var staticMismatch = info.CandidateReason == CandidateReason.StaticInstanceMismatch
                || info.CandidateSymbols.Length > 0 && info.CandidateSymbols.All(symbol => IsStatic(symbol) != IsStatic(original));
            return staticMismatch ? "'" + candidate.Name + "' is " + (IsStatic(original) ? "an instance" : "a static") + " member where the obsolete one is not" : info.CandidateReason switch
            {
                CandidateReason.OverloadResolutionFailure or CandidateReason.Ambiguous => "these arguments fit no overload of '" + candidate.Name + "'",
                CandidateReason.Inaccessible => "'" + candidate.Name + "' is not accessible here",
                _ => "'" + candidate.Name + "' does not bind here",
            };
        }

        if (replacement.Kind != original.Kind)
        {
            return "'" + candidate.Name + "' is another kind of member";
        }

        if (IsStatic(replacement) != IsStatic(original))
        {
            return "'" + candidate.Name + "' is " + (IsStatic(replacement) ? "a static" : "an instance") + " member where the obsolete one is not";
        }

        return WhyReturnTypeDiffers(model.Compilation, TypeOf(original), TypeOf(replacement), candidate.Name);
    }

    /// <summary>The use with the member replaced: the name renamed, or the static call moved to the fully qualified new type.</summary>
    private static ExpressionSyntax? Rewrite(ExpressionSyntax use, ObsoleteReplacement.Candidate candidate)
    {
        var target = use is InvocationExpressionSyntax invocation ? invocation.Expression : use;
        if (!candidate.IsMove)
        {
            var name = target switch
            {
                MemberAccessExpressionSyntax access => access.Name,
                MemberBindingExpressionSyntax binding => binding.Name,
                SimpleNameSyntax simple => simple,
                _ => null,
            };
            if (name is null)
            {
                return null;
            }

            var renamed = name.WithIdentifier(SyntaxFactory.Identifier(candidate.MemberName).WithTriviaFrom(name.Identifier));
            return use.ReplaceNode(name, renamed);
        }

        if (target is MemberBindingExpressionSyntax)
        {
            // A?.Member: a static member has no receiver to bind to.
            return null;
        }

        var moved = SyntaxFactory.ParseExpression(candidate.TargetType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + candidate.MemberName);
        return use is InvocationExpressionSyntax call ? call.WithExpression(moved) : moved;
    }

    private static string? WhyReturnTypeDiffers(Compilation compilation, ITypeSymbol? oldType, ITypeSymbol? newType, string name)
    {
        if (oldType is null || newType is null || oldType.TypeKind == TypeKind.Error || newType.TypeKind == TypeKind.Error)
        {
            return "the type of '" + name + "' is not known";
        }

        if (IsAwaitable(newType) && !IsAwaitable(oldType))
        {
            return "'" + name + "' returns " + newType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " where the obsolete member is synchronous";
        }

        if (oldType.SpecialType == SpecialType.System_Void)
        {
            // A value where there was none is discarded, as it was before.
            return null;
        }

        if (newType.SpecialType == SpecialType.System_Void)
        {
            return "'" + name + "' returns nothing where the obsolete member returns a value";
        }

        var conversion = compilation.ClassifyConversion(newType, oldType);
        return conversion.IsIdentity || conversion.IsImplicit
            ? null
            : "'" + name + "' returns " + newType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + ", which does not convert to " + oldType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
    }

    /// <summary>
    /// Extension methods count as instance members: the operation tree shows them unreduced (static), the speculative
    /// binding of <c>x.Member()</c> reduced, and both are called the same way.
    /// </summary>
    private static bool IsStatic(ISymbol symbol) => symbol is IMethodSymbol { IsExtensionMethod: true } or IMethodSymbol { ReducedFrom: not null } ? false : symbol.IsStatic;

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.ReturnType,
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };

    /// <summary>Task, ValueTask, or anything else with an instance GetAwaiter(): what <c>await</c> accepts.</summary>
    private static bool IsAwaitable(ITypeSymbol type)
        => type.SpecialType != SpecialType.System_Void
            && type.GetMembers("GetAwaiter").OfType<IMethodSymbol>().Any(method => !method.IsStatic && method.Parameters.Length == 0)
            || type.BaseType is { } baseType && IsAwaitable(baseType);
}
