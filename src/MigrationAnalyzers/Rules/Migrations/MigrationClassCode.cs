using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// The code written in a migration class, as MIG1110 reads it: whether its names may be code of its project, and if so
/// its operations. Roslyn builds operations for every method of a class as soon as an analyzer asks for operations (and
/// for every partial declaration, Designer files included, once one asks at symbol start): in the IDE that cost a
/// migration document about as much as every other rule together. So MIG1110 builds them itself, only for the classes
/// whose names may be project code.
/// <para>
/// Conservative: a name is only ruled out when the project declares nothing of that name (the compiler's declaration
/// table answers without binding). Project code is reached through a name written in the class: a type (in a type
/// argument, <c>typeof</c>, <c>new</c>, a cast, a pattern, a base list), a member written alone (constants, static
/// imports, inherited helpers), an invoked method (extension methods included), or a property of a project type, whose
/// value must itself come from such a name. So a member access that is not invoked (<c>x.Id</c> in a key lambda) counts
/// only when its name is a type, or a member a static class declares (C# 14 extension properties). Whatever reaches
/// code without a name of its own makes the class count whole: a file's own <c>using</c> alias, a query expression
/// (whose <c>Select</c> can be the project's). Global aliases count as names. Argument names (<c>name:</c>), anonymous
/// type members, attributes and base lists (never run, and never looked at by MIG1110) are not names of code.
/// </para>
/// </summary>
internal sealed class MigrationClassCode
{
    private readonly Compilation _compilation;
    private readonly AnalyzerOptions _options;
    private readonly Lazy<DeclaredNames> _declared;

    public MigrationClassCode(Compilation compilation, AnalyzerOptions options)
    {
        _compilation = compilation;
        _options = options;
        _declared = new Lazy<DeclaredNames>(
            () => Caching.SameContentCache.For(compilation).GetOrAdd("declared-names", () => new DeclaredNames(compilation)),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Some name written in <paramref name="type"/>'s declarations, outside generated files, may be code of the project.</summary>
    public bool MayUseProjectCode(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var tree = reference.SyntaxTree;
            if (IsGenerated(tree, cancellationToken))
            {
                continue;
            }

            if (HasFileAlias(tree.GetRoot(cancellationToken)))
            {
                return true;
            }

            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes(IsCodeOrHoldsCode))
            {
                switch (node)
                {
                    case QueryExpressionSyntax:
                        return true;
                    case SimpleNameSyntax name when MayBeProjectCode(name):
                        return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Attributes, base lists and constraints hold names but no code that runs: MIG1110 sees no operation there, and the
    /// base classes are the migration's own code anyway (<see cref="MigrationPlumbing.BelongsToMigration"/>).
    /// </summary>
    private static bool IsCodeOrHoldsCode(SyntaxNode node)
        => node is not (AttributeListSyntax or BaseListSyntax or TypeParameterConstraintClauseSyntax);

    /// <summary>
    /// The operation blocks of <paramref name="type"/>'s declarations outside generated files, as the driver would hand
    /// them to operation actions: method, constructor and accessor bodies, expression bodies, field, property and
    /// parameter initializers (lambdas and local functions are inside them). Attributes are not code that runs.
    /// </summary>
    public IEnumerable<IOperation> OperationRoots(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var tree = reference.SyntaxTree;
            if (IsGenerated(tree, cancellationToken))
            {
                continue;
            }

            // The driver's semantic model for the tree while analyzers run (Roslyn caches one per tree for them).
#pragma warning disable RS1030 // A class's parts may lie in other files than the one analysed; operations are wanted for a few classes only.
            var model = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            var pending = new Stack<SyntaxNode>();
            pending.Push(reference.GetSyntax(cancellationToken));
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                if (IsOperationBlock(node) && model.GetOperation(node, cancellationToken) is { } operation)
                {
                    yield return operation;
                    continue;
                }

                foreach (var child in node.ChildNodes())
                {
                    if (child is not AttributeListSyntax)
                    {
                        pending.Push(child);
                    }
                }
            }
        }
    }

    private static bool IsOperationBlock(SyntaxNode node)
        => node switch
        {
            BaseMethodDeclarationSyntax or AccessorDeclarationSyntax => true,
            ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax } => true,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } or PropertyDeclarationSyntax or ParameterSyntax } => true,
            _ => false,
        };

    /// <summary>One lookup per name: this runs for every name written in every migration class.</summary>
    private bool MayBeProjectCode(SimpleNameSyntax name)
    {
        switch (name.Parent)
        {
            case NameColonSyntax:
            case NameEqualsSyntax:
                return false;
            case MemberAccessExpressionSyntax access when access.Name == name:
                return Declares(name, IsInvoked(access) ? NameKinds.Type | NameKinds.Member : NameKinds.Type | NameKinds.StaticClassMember);
            case MemberBindingExpressionSyntax binding when binding.Name == name:
                return Declares(name, IsInvoked(binding) ? NameKinds.Type | NameKinds.Member : NameKinds.Type | NameKinds.StaticClassMember);
            default:
                return Declares(name, NameKinds.Type | NameKinds.Member | NameKinds.GlobalAlias);
        }
    }

    private static bool IsInvoked(ExpressionSyntax access) => access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access;

    private bool Declares(SimpleNameSyntax name, NameKinds kinds) => (_declared.Value.KindsOf(name.Identifier.ValueText) & kinds) != 0;

    /// <summary>A <c>using</c> alias of the file itself (global ones are names like any other).</summary>
    private static bool HasFileAlias(SyntaxNode root)
    {
        return root is CompilationUnitSyntax unit && (Any(unit.Usings) || AnyIn(unit.Members));

        static bool AnyIn(SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns && (Any(ns.Usings) || AnyIn(ns.Members)))
                {
                    return true;
                }
            }

            return false;
        }

        static bool Any(SyntaxList<UsingDirectiveSyntax> usings)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias is not null && !directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Generated code is not analysed (<see cref="Infrastructure.MigrationAnalyzer"/> says so to the driver), judged as the driver judges it.</summary>
    private bool IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedCode.IsGeneratedFile(tree, _options, cancellationToken);

    /// <summary>What a name may be in the source: a type, a member, a member of a static class, a global alias.</summary>
    [Flags]
    internal enum NameKinds
    {
        None = 0,
        Type = 1,
        Member = 2,
        StaticClassMember = 4,
        GlobalAlias = 8,
    }

    /// <summary>
    /// Every type and member name the source declares, kept for every compilation of the same source. Type names come
    /// from the compiler's declaration table (no symbol is made); member names from the declarations' syntax, bodies
    /// aside: the compiler's search by member name makes the members of every type it walks, binding their signatures.
    /// </summary>
    internal sealed class DeclaredNames
    {
        /// <summary>What the compiler adds to every record, so a record's own name needs no member written to count.</summary>
        private static readonly string[] RecordMembers = { "EqualityContract", "PrintMembers", "Deconstruct", "ToString", "Equals", "GetHashCode" };

        /// <summary>What the compiler declares on every delegate type.</summary>
        private static readonly string[] DelegateMembers = { "Invoke", "BeginInvoke", "EndInvoke" };

        /// <summary>By name, what the source declares: one lookup per name written in a migration class.</summary>
        private readonly Dictionary<string, NameKinds> _kinds = new Dictionary<string, NameKinds>(StringComparer.Ordinal);

        public DeclaredNames(Compilation compilation)
        {
            foreach (var _ in compilation.GetSymbolsWithName(name => Mark(name, NameKinds.Type), SymbolFilter.Type))
            {
            }

            // A class is static when any of its parts says so, so the parts are gathered first and judged by name
            // (two classes of one name in different namespaces only make the set larger, which keeps the check safe).
            var classes = new List<ClassDeclarationSyntax>();
            var staticNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(CancellationToken.None) is CompilationUnitSyntax unit)
                {
                    CollectTypes(unit.Members, classes, staticNames);
                }
            }

            // Members of static classes, their nested types and extension blocks included: a member access that is not
            // invoked counts when its name is one (C# 14 extension properties).
            foreach (var declaration in classes)
            {
                if (staticNames.Contains(declaration.Identifier.ValueText))
                {
                    AddMemberNames(declaration, NameKinds.StaticClassMember);
                }
            }

            foreach (var alias in GlobalAliases.Of(compilation))
            {
                Mark(alias, NameKinds.GlobalAlias);
            }
        }

        /// <summary>
        /// What the source declares by this name (<see cref="NameKinds.None"/> when nothing). Members are those of every
        /// type, nested types and extension blocks included, with what the compiler makes of a record's parameters and
        /// for every record and delegate: a name too many only costs MIG1110 a class to read, so the members may be more
        /// than the compiler's, never fewer.
        /// </summary>
        public NameKinds KindsOf(string name) => _kinds.TryGetValue(name, out var kinds) ? kinds : NameKinds.None;

        /// <summary>Records a kind for a name; false, so it can serve as the compiler's name predicate and match nothing.</summary>
        private bool Mark(string name, NameKinds kind)
        {
            _kinds[name] = KindsOf(name) | kind;
            return false;
        }

        /// <summary>
        /// Reads the top-level types of a file or namespace; nested ones are read with their container. By the member
        /// lists, not ChildNodes: this reads every declaration of the project, and ChildNodes walks tokens too.
        /// </summary>
        private void CollectTypes(SyntaxList<MemberDeclarationSyntax> members, List<ClassDeclarationSyntax> classes, HashSet<string> staticNames)
        {
            foreach (var child in members)
            {
                switch (child)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        CollectTypes(ns.Members, classes, staticNames);
                        break;
                    case BaseTypeDeclarationSyntax type:
                        CollectClasses(type, classes, staticNames);
                        AddMemberNames(type, NameKinds.Member);
                        break;
                    case DelegateDeclarationSyntax:
                        MarkAll(DelegateMembers, NameKinds.Member);
                        break;
                }
            }
        }

        private static void CollectClasses(BaseTypeDeclarationSyntax type, List<ClassDeclarationSyntax> classes, HashSet<string> staticNames)
        {
            if (type is ClassDeclarationSyntax declaration)
            {
                classes.Add(declaration);
                if (declaration.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    staticNames.Add(declaration.Identifier.ValueText);
                }
            }

            if (type is TypeDeclarationSyntax { Members: var members })
            {
                foreach (var child in members)
                {
                    if (child is BaseTypeDeclarationSyntax nested)
                    {
                        CollectClasses(nested, classes, staticNames);
                    }
                }
            }
        }

        /// <summary>Every member name of a type, its nested types and extension blocks (any nested member list) included.</summary>
        private void AddMemberNames(SyntaxNode type, NameKinds kind)
        {
            if (type is TypeDeclarationSyntax { ParameterList: { } parameters })
            {
                foreach (var parameter in parameters.Parameters)
                {
                    Mark(parameter.Identifier.ValueText, kind);
                }
            }

            if (type is RecordDeclarationSyntax)
            {
                MarkAll(RecordMembers, kind);
            }

            // The member lists only (ChildNodes would walk the attributes, base list and tokens as well).
            foreach (var child in Members(type))
            {
                switch (child)
                {
                    case MethodDeclarationSyntax method:
                        Mark(method.Identifier.ValueText, kind);
                        break;
                    case PropertyDeclarationSyntax property:
                        Mark(property.Identifier.ValueText, kind);
                        break;
                    case EventDeclarationSyntax @event:
                        Mark(@event.Identifier.ValueText, kind);
                        break;
                    case BaseFieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            Mark(variable.Identifier.ValueText, kind);
                        }

                        break;
                    case EnumMemberDeclarationSyntax enumMember:
                        Mark(enumMember.Identifier.ValueText, kind);
                        break;
                    case DelegateDeclarationSyntax:
                        MarkAll(DelegateMembers, kind);
                        break;
                    case MemberDeclarationSyntax nested:
                        AddMemberNames(nested, kind);
                        break;
                }
            }
        }

        private static IEnumerable<MemberDeclarationSyntax> Members(SyntaxNode type)
            => type switch
            {
                TypeDeclarationSyntax declaration => declaration.Members,
                EnumDeclarationSyntax enumeration => enumeration.Members,
                _ => Array.Empty<MemberDeclarationSyntax>(),
            };

        private void MarkAll(string[] names, NameKinds kind)
        {
            foreach (var name in names)
            {
                Mark(name, kind);
            }
        }
    }
}
