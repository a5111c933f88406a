using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// The type declarations of a file, outermost first, and the file and each namespace that holds them, found by the
/// member lists: several readers look at every file of the project this way, and walking descendant nodes (or
/// ChildNodes) walks every token of the members too. Method bodies are never entered.
/// </summary>
internal static class FileTypeDeclarations
{
    /// <summary>
    /// Hands <paramref name="scope"/> the file's compilation unit, then each namespace declaration as it is reached (see
    /// <see cref="UsingsOf"/> and <see cref="AttributeListsOf"/>), and <paramref name="type"/> each class, struct,
    /// interface, record and enum declaration, a nested one after its container.
    /// </summary>
    public static void Walk(SyntaxNode root, Action<SyntaxNode>? scope, Action<BaseTypeDeclarationSyntax> type)
    {
        if (root is CompilationUnitSyntax unit)
        {
            scope?.Invoke(unit);
            Walk(unit.Members, scope, type);
        }
    }

    /// <summary>The using directives of a compilation unit or namespace declaration.</summary>
    public static SyntaxList<UsingDirectiveSyntax> UsingsOf(SyntaxNode scope)
        => scope switch
        {
            CompilationUnitSyntax unit => unit.Usings,
            BaseNamespaceDeclarationSyntax ns => ns.Usings,
            _ => default,
        };

    /// <summary>The attribute lists of a compilation unit (assembly and module attributes) or namespace declaration.</summary>
    public static SyntaxList<AttributeListSyntax> AttributeListsOf(SyntaxNode scope)
        => scope switch
        {
            CompilationUnitSyntax unit => unit.AttributeLists,
            BaseNamespaceDeclarationSyntax ns => ns.AttributeLists,
            _ => default,
        };

    private static void Walk(SyntaxList<MemberDeclarationSyntax> members, Action<SyntaxNode>? scope, Action<BaseTypeDeclarationSyntax> type)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    scope?.Invoke(ns);
                    Walk(ns.Members, scope, type);
                    break;
                case TypeDeclarationSyntax declaration:
                    type(declaration);
                    Walk(declaration.Members, scope, type);
                    break;
                case BaseTypeDeclarationSyntax enumeration:
                    type(enumeration);
                    break;
            }
        }
    }
}
