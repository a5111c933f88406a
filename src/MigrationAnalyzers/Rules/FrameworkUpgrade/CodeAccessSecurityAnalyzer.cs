// Not a pack rule: it matches every subclass of CodeAccessPermission and every CAS attribute by base type, which a pack cannot name.
using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Settings;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.FrameworkUpgrade;

/// <summary>
/// MIG3004: Code Access Security. Permissions are a family of types (FileIOPermission, ReflectionPermission, …), so the
/// rule matches by base type: creating a <c>CodeAccessPermission</c> or <c>PermissionSet</c>, and applying any
/// <c>CodeAccessSecurityAttribute</c> (<c>[SecurityPermission(...)]</c>, <c>[FileIOPermission(...)]</c>, at any level).
/// Calls on a permission are not reported again: its creation already is.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CodeAccessSecurityAnalyzer : FrameworkUpgradeAnalyzer
{
    public CodeAccessSecurityAnalyzer()
        : base(MIG3004_CodeAccessSecurity)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, UpgradeTargetResolver target)
    {
        // Resolved at the first node of a file the rule checks, not here: at compilation start the lookups waited for
        // the compiler to bind the references and declare the source, and the wait was charged to this rule.
        var compilation = context.Compilation;
        var lazyFamily = new Lazy<Family?>(() => Family.Resolve(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                var syntax = (BaseObjectCreationExpressionSyntax)nodeContext.Node;
                if (!target.Reaches(syntax.SyntaxTree, FrameworkVersions.NetCore1) || lazyFamily.Value is not { } family)
                {
                    return;
                }

                var written = WrittenNames.CreatedType(syntax);
                if (written is not null && WrittenNames.Rightmost(written) is { } writtenName && !family.Names.MayBePermission(writtenName))
                {
                    return;
                }

                var model = nodeContext.SemanticModel;
                if (written is not null
                    && model.GetSpeculativeTypeInfo(written.SpanStart, written, SpeculativeBindingOption.BindAsTypeOrNamespace).Type is var writtenType
                    && (writtenType is null || !family.IsPermission(writtenType)))
                {
                    return;
                }

                if (model.GetOperation(syntax, nodeContext.CancellationToken) is not IObjectCreationOperation { Type: { } type } || !family.IsPermission(type))
                {
                    return;
                }

                Report(nodeContext.ReportDiagnostic, syntax, "new " + type.Name, target);
            },
            SyntaxKind.ObjectCreationExpression,
            SyntaxKind.ImplicitObjectCreationExpression);

        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                var attribute = (AttributeSyntax)nodeContext.Node;
                if (!target.Reaches(attribute.SyntaxTree, FrameworkVersions.NetCore1) || lazyFamily.Value is not { SecurityAttribute: { } securityAttribute } family)
                {
                    return; // checked before binding: most projects never reach here
                }

                // [FileIOPermission(…)] names FileIOPermissionAttribute.
                if (WrittenNames.Rightmost(attribute.Name) is { } writtenName
                    && !family.Names.MayBeSecurityAttribute(writtenName) && !family.Names.MayBeSecurityAttribute(writtenName + "Attribute"))
                {
                    return;
                }

                var type = AttributeClass(attribute, nodeContext.SemanticModel, nodeContext.CancellationToken);
                if (type is not null && DerivesFrom(type, securityAttribute))
                {
                    Report(nodeContext.ReportDiagnostic, attribute, "[" + attribute.Name.ToString() + "]", target);
                }
            },
            SyntaxKind.Attribute);
    }

    /// <summary>The permission types of the compilation and the names their family may be written with.</summary>
    private sealed class Family
    {
        private Family(INamedTypeSymbol? permission, INamedTypeSymbol? permissionSet, INamedTypeSymbol? securityAttribute, FamilyNames names)
        {
            Permission = permission;
            PermissionSet = permissionSet;
            SecurityAttribute = securityAttribute;
            Names = names;
        }

        public INamedTypeSymbol? Permission { get; }

        public INamedTypeSymbol? PermissionSet { get; }

        public INamedTypeSymbol? SecurityAttribute { get; }

        public FamilyNames Names { get; }

        /// <summary>Null when the compilation has none of the types: nothing can be reported.</summary>
        public static Family? Resolve(Compilation compilation)
        {
            var permission = compilation.GetTypeByMetadataName("System.Security.CodeAccessPermission");
            var permissionSet = compilation.GetTypeByMetadataName("System.Security.PermissionSet");
            var securityAttribute = compilation.GetTypeByMetadataName("System.Security.Permissions.CodeAccessSecurityAttribute");
            if (permission is null && permissionSet is null && securityAttribute is null)
            {
                return null;
            }

            // Permissions have any name (a project's own CodeAccessPermission subclasses too), so only a type written
            // with a name that some type deriving from a permission has is bound, and alone at its position: not the
            // method around it, as an operation would be. Only permissions go further. Kept as names only, for every
            // compilation of the same source (the IDE makes one per document).
            var names = DerivedTypeNames.Shared(compilation, "code-access-security|type-names", () => new FamilyNames(compilation));
            return new Family(permission, permissionSet, securityAttribute, names);
        }

        public bool IsPermission(ITypeSymbol type) => DerivesFrom(type, Permission) || DerivesFrom(type, PermissionSet);
    }

    /// <summary>
    /// The class of an attribute as the compiler bound it for the declaration it is applied to: those are bound once for
    /// the whole build and kept on the symbol, where asking the semantic model binds every attribute again. Attributes of
    /// other places (assembly, return values, fields, lambdas) are bound through the semantic model.
    /// </summary>
    private static ITypeSymbol? AttributeClass(AttributeSyntax attribute, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        if (attribute.Parent is AttributeListSyntax { Target: null, Parent: { } declaration and (BaseTypeDeclarationSyntax or BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or ParameterSyntax) }
            && model.GetDeclaredSymbol(declaration, cancellationToken) is { } owner)
        {
            foreach (var data in owner.GetAttributes())
            {
                if (data.ApplicationSyntaxReference is { } reference && reference.SyntaxTree == attribute.SyntaxTree && reference.Span == attribute.Span)
                {
                    return data.AttributeClass;
                }
            }
        }

        return model.GetTypeInfo(attribute, cancellationToken).Type;
    }

    private static void Report(System.Action<Diagnostic> report, SyntaxNode syntax, string what, UpgradeTargetResolver target)
    {
        if (target.Reaches(syntax.SyntaxTree, FrameworkVersions.NetCore1))
        {
            report(Diagnostic.Create(MIG3004_CodeAccessSecurity, syntax.GetLocation(), what, target.For(syntax.SyntaxTree)!.DisplayName));
        }
    }

    /// <summary>The names a permission or a security attribute may be written with, read once from declarations and metadata.</summary>
    private sealed class FamilyNames
    {
        private readonly Func<string, bool> _permissions;
        private readonly Func<string, bool> _securityAttributes;

        public FamilyNames(Compilation compilation)
        {
            var derived = DerivedTypeNames.Of(compilation);
            _permissions = derived.DerivingFrom("CodeAccessPermission", "PermissionSet");
            _securityAttributes = derived.DerivingFrom("CodeAccessSecurityAttribute");
        }

        public bool MayBePermission(string writtenName) => _permissions(writtenName);

        public bool MayBeSecurityAttribute(string writtenName) => _securityAttributes(writtenName);
    }

    private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
