using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Model;
using static MigrationAnalyzers.Descriptors.Descriptors;
using OperationKind = Microsoft.CodeAnalysis.OperationKind;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1110: code inside a migration uses a type, enum member, constant or method declared elsewhere in the same
/// project, so editing the application changes history (django-migration-linter's RUNPYTHON_MODEL_IMPORT, for .NET).
/// Found through operations and symbols, never by matching names. Allowed: the migration itself, its base classes,
/// and anything declared in a namespace that holds migrations (helpers kept with the migrations are versioned with them).
/// Attributes such as <c>[DbContext(typeof(AppDbContext))]</c> are not code that runs and are never looked at.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MigrationDependsOnApplicationCodeAnalyzer : MigrationAnalyzer
{
    private static readonly ImmutableArray<OperationKind> References = ImmutableArray.Create(
        OperationKind.FieldReference,
        OperationKind.PropertyReference,
        OperationKind.MethodReference,
        OperationKind.EventReference,
        OperationKind.Invocation,
        OperationKind.ObjectCreation,
        OperationKind.TypeOf);

    public MigrationDependsOnApplicationCodeAnalyzer()
        : base(MIG1110_MigrationDependsOnApplicationCode)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var catalog = MigrationCatalog.For(context.Compilation);
        if (!catalog.Symbols.HasAny)
        {
            return;
        }

        var assembly = context.Compilation.Assembly;
        var migrationNamespaces = new Lazy<HashSet<INamespaceSymbol>>(
            () =>
            {
                var namespaces = new HashSet<INamespaceSymbol>(SymbolEqualityComparer.Default);
                foreach (var migration in catalog.All)
                {
                    namespaces.Add(migration.Symbol.ContainingNamespace);
                }

                return namespaces;
            },
            LazyThreadSafetyMode.ExecutionAndPublication);

        context.RegisterSymbolStartAction(
            symbolStart =>
            {
                if (catalog.Get((INamedTypeSymbol)symbolStart.Symbol) is not { } migration
                    || MigrationScope.IsBeforeBaseline(migration, symbolStart.Options))
                {
                    return;
                }

                var rules = new Ownership(assembly, migration.Symbol, migrationNamespaces);
                symbolStart.RegisterOperationAction(operationContext => Analyze(operationContext, migration, rules), References);
            },
            SymbolKind.NamedType);
    }

    private static void Analyze(OperationAnalysisContext context, MigrationInfo migration, Ownership ownership)
    {
        // Attribute arguments ([DbContext(typeof(AppDbContext))]) describe the migration; they do not run.
        if (context.Operation.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>() is not null)
        {
            return;
        }

        var (kind, symbol) = context.Operation switch
        {
            IFieldReferenceOperation { Field: var field } when field.ContainingType?.TypeKind == TypeKind.Enum => ("enum member", (ISymbol)field),
            IFieldReferenceOperation { Field: var field } => (field.IsConst ? "constant" : "field", (ISymbol)field),
            IPropertyReferenceOperation { Property: var property } => ("property", property),
            IEventReferenceOperation { Event: var @event } => ("event", @event),
            IMethodReferenceOperation { Method: var method } => ("method", method),
            IInvocationOperation { TargetMethod: var method } => ("method", method.ReducedFrom ?? method),
            IObjectCreationOperation { Type: INamedTypeSymbol type } => ("type", type),
            ITypeOfOperation { TypeOperand: INamedTypeSymbol type } => ("type", type),
            _ => (null, null),
        };

        if (symbol is null || kind is null)
        {
            return;
        }

        var owner = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (owner is not null && ownership.IsApplicationType(owner))
        {
            Report(context, migration, kind, symbol);
            return;
        }

        // A framework member used with an application type: AddColumn<OrderStatus>(…), new List<Order>().
        var typeArguments = symbol switch
        {
            IMethodSymbol method => method.TypeArguments,
            INamedTypeSymbol type => type.TypeArguments,
            _ => ImmutableArray<ITypeSymbol>.Empty,
        };
        foreach (var argument in typeArguments)
        {
            if (argument is INamedTypeSymbol named && ownership.IsApplicationType(named))
            {
                Report(context, migration, "type", named);
                return;
            }
        }
    }

    private static void Report(OperationAnalysisContext context, MigrationInfo migration, string kind, ISymbol symbol)
    {
        var name = symbol is INamedTypeSymbol
            ? symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)
            : symbol.ContainingType.Name + "." + symbol.Name;
        context.ReportDiagnostic(Diagnostic.Create(MIG1110_MigrationDependsOnApplicationCode, context.Operation.Syntax.GetLocation(), migration.Name, kind, name));
    }

    /// <summary>Decides whether a type is application code from the migration's point of view.</summary>
    private sealed class Ownership
    {
        private readonly IAssemblySymbol _assembly;
        private readonly INamedTypeSymbol _migration;
        private readonly Lazy<HashSet<INamespaceSymbol>> _migrationNamespaces;

        public Ownership(IAssemblySymbol assembly, INamedTypeSymbol migration, Lazy<HashSet<INamespaceSymbol>> migrationNamespaces)
        {
            _assembly = assembly;
            _migration = migration;
            _migrationNamespaces = migrationNamespaces;
        }

        public bool IsApplicationType(INamedTypeSymbol type)
        {
            type = type.OriginalDefinition;
            if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _assembly) || type.IsImplicitlyDeclared || type.IsAnonymousType)
            {
                return false;
            }

            // The migration, types nested in it, and the classes it derives from are its own code.
            for (var current = type; current is not null; current = current.ContainingType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, _migration))
                {
                    return false;
                }
            }

            for (var baseType = _migration.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(baseType.OriginalDefinition, type))
                {
                    return false;
                }
            }

            var outermost = type;
            while (outermost.ContainingType is not null)
            {
                outermost = outermost.ContainingType;
            }

            return !_migrationNamespaces.Value.Contains(outermost.ContainingNamespace);
        }
    }
}
