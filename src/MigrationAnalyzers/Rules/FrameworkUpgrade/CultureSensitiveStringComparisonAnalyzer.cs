// Not a pack rule: it picks the overloads by their parameter types (no StringComparison, CultureInfo or char), across string's whole API.
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Settings;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.FrameworkUpgrade;

/// <summary>
/// MIG3008: string searches and comparisons that use the current culture implicitly. From .NET 5 they go through ICU
/// instead of Windows NLS, which answers differently for control characters, ignorable characters and some letters.
/// The overloads that take a char, a StringComparison, a CultureInfo or CompareOptions are not reported: they are
/// either ordinal already or say what they mean.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CultureSensitiveStringComparisonAnalyzer : FrameworkUpgradeAnalyzer
{
    private static readonly HashSet<string> Searches = new HashSet<string> { "IndexOf", "LastIndexOf", "StartsWith", "EndsWith" };

    /// <summary>Every name <see cref="IsImplicitlyCultureSensitive"/> can accept: other calls are not bound.</summary>
    private static readonly HashSet<string> Names = new HashSet<string>(Searches) { "Compare", "CompareTo" };

    public CultureSensitiveStringComparisonAnalyzer()
        : base(MIG3008_CultureSensitiveStringComparison)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, UpgradeTargetResolver target)
    {
        var icu = FrameworkVersions.Net(5);
        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                var syntax = (InvocationExpressionSyntax)nodeContext.Node;
                var tree = syntax.SyntaxTree;

                // The bound method alone: an operation would make Roslyn build the operations of the whole method body
                // around the call. A call that did not bind to one method has no symbol and is not reported, as before.
                if (WrittenNames.Invoked(syntax) is not { } name
                    || !Names.Contains(name)
                    || !target.Reaches(tree, icu)
                    || nodeContext.SemanticModel.GetSymbolInfo(syntax, nodeContext.CancellationToken).Symbol is not IMethodSymbol method
                    || method.ContainingType?.SpecialType != SpecialType.System_String
                    || !IsImplicitlyCultureSensitive(method))
                {
                    return;
                }

                nodeContext.ReportDiagnostic(Diagnostic.Create(
                    MIG3008_CultureSensitiveStringComparison,
                    syntax.GetLocation(),
                    "string." + method.Name,
                    target.For(tree)!.DisplayName));
            },
            SyntaxKind.InvocationExpression);
    }

    /// <summary>IndexOf/LastIndexOf/StartsWith/EndsWith(string…), string.Compare(string…) and CompareTo, with no comparison argument.</summary>
    public static bool IsImplicitlyCultureSensitive(IMethodSymbol method)
    {
        var isSearch = !method.IsStatic && Searches.Contains(method.Name);
        var isCompare = (method.IsStatic && method.Name == "Compare") || (!method.IsStatic && method.Name == "CompareTo");
        if ((!isSearch && !isCompare) || method.Parameters.Length == 0)
        {
            return false;
        }

        // IndexOf(char) is ordinal; IndexOf(string) is not.
        if (method.Parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            var type = parameter.Type;
            if (type.TypeKind == TypeKind.Enum && (type.Name == "StringComparison" || type.Name == "CompareOptions"))
            {
                return false;
            }

            if (type.Name == "CultureInfo")
            {
                return false;
            }
        }

        return true;
    }
}
