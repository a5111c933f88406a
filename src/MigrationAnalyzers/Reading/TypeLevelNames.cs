using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// What a name written in a migration means at its class's position, shared by the classes where it must mean the same:
/// a history's migrations write <c>ReferentialAction.Cascade</c>, <c>DateTime</c> or FluentMigrator's <c>Create</c>
/// thousands of times, and binding each one again was most of what reading their bodies cost.
/// </summary>
/// <remarks>
/// At a position in a top-level, non-generic class, a name is looked up in the class's own members, then in its base
/// types' members, then in the namespaces around it and their usings. A class that declares no member of the name's
/// first identifier therefore gives what every such class with the same base type, in the same namespace, under the same
/// usings and nullable context gives; that is the key (<see cref="Scope"/>). A file that declares a file-local type can
/// see a type no other file sees, so its classes share nothing.
/// </remarks>
internal sealed class TypeLevelNames
{
    private static readonly ConditionalWeakTable<Compilation, TypeLevelNames> ByCompilation = new ConditionalWeakTable<Compilation, TypeLevelNames>();

    private readonly ConcurrentDictionary<TypeDeclarationSyntax, Scope?> _scopes = new ConcurrentDictionary<TypeDeclarationSyntax, Scope?>();

    private readonly ConcurrentDictionary<INamedTypeSymbol, Bindings> _byBaseType = new ConcurrentDictionary<INamedTypeSymbol, Bindings>(SymbolEqualityComparer.Default);

    public static TypeLevelNames For(Compilation compilation) => ByCompilation.GetValue(compilation, static _ => new TypeLevelNames());

    /// <summary>
    /// The scope of <paramref name="container"/>'s position, to share bindings by; null when the class is nested, generic,
    /// has no base type, or its file declares a file-local type.
    /// </summary>
    public Scope? ScopeOf(SemanticModel model, TypeDeclarationSyntax container, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        // Once per class declaration: its Up and Down (and the helpers they call) are read each with a reader of its own.
        if (_scopes.TryGetValue(container, out var known))
        {
            return known;
        }

        var scope = Make(model, container, type, cancellationToken);
        return _scopes.GetOrAdd(container, scope);
    }

    private Scope? Make(SemanticModel model, TypeDeclarationSyntax container, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (container.Parent is TypeDeclarationSyntax
            || container.TypeParameterList is not null
            || type.BaseType is not { } baseType
            || DeclaresFileLocalType(container.SyntaxTree.GetRoot(cancellationToken)))
        {
            return null;
        }

        var position = container.OpenBraceToken.Span.End;
        var context = new StringBuilder();
        context.Append((int)model.GetNullableContext(position)).Append('|');
        for (var node = container.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    context.Append(ns.Name).Append('{');
                    AppendImports(context, ns.Externs, ns.Usings);
                    break;
                case CompilationUnitSyntax unit:
                    AppendImports(context, unit.Externs, unit.Usings);
                    break;
            }
        }

        return new Scope(type, _byBaseType.GetOrAdd(baseType, static _ => new Bindings()), context.ToString());
    }

    private static void AppendImports(StringBuilder context, SyntaxList<ExternAliasDirectiveSyntax> externs, SyntaxList<UsingDirectiveSyntax> usings)
    {
        foreach (var alias in externs)
        {
            context.Append(alias.ToString()).Append(';');
        }

        foreach (var directive in usings)
        {
            context.Append(directive.ToString()).Append(';');
        }
    }

    private static bool DeclaresFileLocalType(SyntaxNode container)
    {
        foreach (var child in container.ChildNodes())
        {
            switch (child)
            {
                case BaseNamespaceDeclarationSyntax:
                    if (DeclaresFileLocalType(child))
                    {
                        return true;
                    }

                    break;
                case MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.FileKeyword):
                    return true;
            }
        }

        return false;
    }

    /// <summary>The first identifier a name is looked up by (<c>ReferentialAction</c> of <c>ReferentialAction.Cascade</c>); null when it has none.</summary>
    public static string? FirstIdentifier(SyntaxNode name) => name switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        QualifiedNameSyntax qualified => FirstIdentifier(qualified.Left),
        AliasQualifiedNameSyntax aliased => aliased.Alias.Identifier.ValueText,
        MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression) => FirstIdentifier(access.Expression),
        NullableTypeSyntax nullable => FirstIdentifier(nullable.ElementType),
        ArrayTypeSyntax array => FirstIdentifier(array.ElementType),
        _ => null,
    };

    /// <summary>What names mean at the positions of the classes of one base type, by scope and text.</summary>
    internal sealed class Bindings
    {
        public ConcurrentDictionary<(string Context, string Text), SymbolInfo> Names { get; } = new ConcurrentDictionary<(string Context, string Text), SymbolInfo>();

        public ConcurrentDictionary<(string Context, string Text), ITypeSymbol?> Types { get; } = new ConcurrentDictionary<(string Context, string Text), ITypeSymbol?>();
    }

    /// <summary>Classes whose positions give the same meaning to a name their class does not declare.</summary>
    internal sealed class Scope
    {
        private readonly INamedTypeSymbol _type;
        private readonly Bindings _bindings;
        private readonly string _context;

        public Scope(INamedTypeSymbol type, Bindings bindings, string context)
        {
            _type = type;
            _bindings = bindings;
            _context = context;
        }

        /// <summary>
        /// What the expression <paramref name="name"/> (written as <paramref name="text"/>) binds to, from another class
        /// of the scope when one bound it; <paramref name="bind"/> binds it here otherwise, and always when the class
        /// declares a member of its first identifier.
        /// </summary>
        public SymbolInfo Name(ExpressionSyntax name, string text, Func<SymbolInfo> bind) => Shared(_bindings.Names, name, text, bind);

        /// <summary>The type <paramref name="type"/> names, shared like <see cref="Name"/>.</summary>
        public ITypeSymbol? Type(TypeSyntax type, string text, Func<ITypeSymbol?> bind) => Shared(_bindings.Types, type, text, bind);

        private T Shared<T>(ConcurrentDictionary<(string Context, string Text), T> bindings, SyntaxNode name, string text, Func<T> bind)
        {
            // MemberNames leaves nested types out.
            if (FirstIdentifier(name) is not { } first
                || System.Linq.Enumerable.Contains(_type.MemberNames, first)
                || !_type.GetTypeMembers(first).IsEmpty)
            {
                return bind();
            }

            var key = (_context, text);
            return bindings.TryGetValue(key, out var known) ? known : bindings.GetOrAdd(key, bind());
        }
    }
}
