using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// FluentMigrator's <c>[Migration(version)]</c> and <c>[Migration(version, "description")]</c> take
/// <c>TransactionBehavior</c> as their second argument: the fixes that must run a migration without a transaction
/// (MIG1150's, MIG1060's concurrent index) add <c>TransactionBehavior.None</c> there. Other forms are left to the user.
/// </summary>
internal static class TransactionBehaviorNone
{
    /// <summary>The class's <c>[Migration]</c> attribute in one of the two forms; null otherwise or without FluentMigrator.</summary>
    public static AttributeSyntax? AttributeOf(SemanticModel model, ClassDeclarationSyntax type, CancellationToken cancellationToken)
    {
        var migrationAttribute = model.Compilation.GetTypeByMetadataName("FluentMigrator.MigrationAttribute");
        if (migrationAttribute is null || model.Compilation.GetTypeByMetadataName("FluentMigrator.TransactionBehavior") is null)
        {
            return null;
        }

        foreach (var attribute in type.AttributeLists.SelectMany(list => list.Attributes))
        {
            var arguments = attribute.ArgumentList?.Arguments ?? default;
            if (model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor
                && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, migrationAttribute)
                && arguments.Count is 1 or 2
                && arguments.All(argument => argument.NameColon is null && argument.NameEquals is null)
                && (arguments.Count == 1 || constructor.Parameters[1].Type.SpecialType == SpecialType.System_String))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>TransactionBehavior.None</c> as the attribute's second argument: by its short name where that binds to
    /// FluentMigrator's type at the attribute, else fully qualified.
    /// </summary>
    public static AttributeSyntax Add(SemanticModel model, AttributeSyntax attribute)
    {
        var behavior = model.Compilation.GetTypeByMetadataName("FluentMigrator.TransactionBehavior");
        var shortName = model.LookupNamespacesAndTypes(attribute.SpanStart, name: "TransactionBehavior");
        var typeName = shortName.Length == 1 && SymbolEqualityComparer.Default.Equals(shortName[0], behavior) ? "TransactionBehavior" : "global::FluentMigrator.TransactionBehavior";
        var argumentList = attribute.ArgumentList!;
        var none = SyntaxFactory.AttributeArgument(SyntaxFactory.ParseExpression(typeName + ".None"));
        return attribute.WithArgumentList(argumentList.WithArguments(argumentList.Arguments.Insert(1, none)));
    }
}
