using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Reading;
using static MigrationAnalyzers.Descriptors.Descriptors;
using OperationKind = Microsoft.CodeAnalysis.OperationKind;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1110: code inside a migration uses a type, enum member, constant or method declared elsewhere in the same
/// project, so editing the application changes history (django-migration-linter's RUNPYTHON_MODEL_IMPORT, for .NET).
/// Found through operations and symbols, never by matching names. Migration plumbing is allowed (see
/// <see cref="MigrationPlumbing"/>): it is versioned with the migrations. One diagnostic per application type and
/// migration, at the first use, naming every member used: a reader wants to know which types to copy values from,
/// not every place the same enum appears.
/// Attributes such as <c>[DbContext(typeof(AppDbContext))]</c> are not code that runs and are never looked at.
/// A class none of whose written names can be project code (<see cref="MigrationClassCode"/>) is not analysed at all.
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

    /// <summary>It reports only through the classes <see cref="DeclaredClasses"/> hands over.</summary>
    private protected override bool FiltersGeneratedCodeItself => true;

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Whether any migration API is referenced is asked per file (DeclaredClasses), not here.
        var catalog = MigrationCatalog.For(context.Compilation);
        context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.projectdir", out var projectDirectory);
        var plumbing = new MigrationPlumbing(context.Compilation, catalog, projectDirectory);
        var names = new MigrationClassCode(context.Compilation, context.Options);

        // Once per class, not operation actions: those make Roslyn build the operations of every method of every class
        // (and a symbol-start action makes it finish every partial declaration of the class, Designer files included),
        // which cost an IDE migration document more than all other rules together. The operations are built here, and
        // only for the migration classes whose names may be project code.
        DeclaredClasses.Register(context, catalog, classContext =>
        {
            var type = classContext.Type;
            if (classContext.Migration is not { } migration
                || MigrationScope.IsBeforeBaseline(migration, classContext.Options)
                || !names.MayUseProjectCode(type, classContext.CancellationToken))
            {
                return;
            }

            var uses = new List<Use>();
            foreach (var root in names.OperationRoots(type, classContext.CancellationToken))
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (References.Contains(operation.Kind))
                    {
                        Collect(operation, migration, plumbing, uses);
                    }
                }
            }

            ReportPerType(classContext, migration, uses);
        });
    }

    private static void Collect(IOperation operation, MigrationInfo migration, MigrationPlumbing plumbing, List<Use> uses)
    {
        // Attribute arguments ([DbContext(typeof(AppDbContext))]) describe the migration; they do not run.
        if (operation.Syntax.FirstAncestorOrSelf<AttributeSyntax>() is not null)
        {
            return;
        }

        // Members reached through the migration's own objects (a nested seed DTO, inherited members included) are its own.
        var receiver = operation switch
        {
            IMemberReferenceOperation { Instance: { } instance } => instance.Type,
            IInvocationOperation { Instance: { } instance } => instance.Type,
            _ => null,
        };
        if (receiver is INamedTypeSymbol receiverType && MigrationPlumbing.BelongsToMigration(receiverType, migration.Symbol))
        {
            return;
        }

        ISymbol? symbol = operation switch
        {
            IFieldReferenceOperation { Field: var field } => field,
            IPropertyReferenceOperation { Property: var property } => property,
            IEventReferenceOperation { Event: var @event } => @event,
            IMethodReferenceOperation { Method: var method } => method,
            IInvocationOperation { TargetMethod: var method } => method.ReducedFrom ?? method,
            IObjectCreationOperation { Type: INamedTypeSymbol type } => type,
            ITypeOfOperation { TypeOperand: INamedTypeSymbol type } => type,
            _ => null,
        };

        if (symbol is null)
        {
            return;
        }

        var location = operation.Syntax.GetLocation();
        var owner = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (owner is not null && plumbing.IsApplicationType(owner, migration.Symbol))
        {
            var member = symbol is INamedTypeSymbol || symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ? null : symbol.Name;
            uses.Add(new Use(owner.OriginalDefinition, member, location));
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
            if (argument is INamedTypeSymbol named && plumbing.IsApplicationType(named, migration.Symbol))
            {
                uses.Add(new Use(named.OriginalDefinition, null, location));
            }
        }
    }

    private static void ReportPerType(ClassAnalysisContext context, MigrationInfo migration, List<Use> uses)
    {
        if (uses.Count == 0)
        {
            return;
        }

        var ordered = uses.OrderBy(use => use, UseOrder.Instance).ToList();
        var reported = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var first in ordered)
        {
            if (!reported.Add(first.Type))
            {
                continue;
            }

            var members = new List<string>();
            foreach (var use in ordered)
            {
                if (use.Member is { } member && SymbolEqualityComparer.Default.Equals(use.Type, first.Type) && !members.Contains(member))
                {
                    members.Add(member);
                }
            }

            var name = first.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            var what = members.Count == 0 ? name : name + " (" + string.Join(", ", members) + ")";
            context.ReportDiagnostic(Diagnostic.Create(MIG1110_MigrationDependsOnApplicationCode, first.Location, migration.Name, what));
        }
    }

    private readonly struct Use
    {
        public Use(INamedTypeSymbol type, string? member, Location location)
        {
            Type = type;
            Member = member;
            Location = location;
        }

        public INamedTypeSymbol Type { get; }

        /// <summary>The field, property, method or event used; null when only the type is named (typeof, new, a type argument).</summary>
        public string? Member { get; }

        public Location Location { get; }
    }

    /// <summary>Source order: the hand-written file before the Designer file, then by file and position.</summary>
    private sealed class UseOrder : IComparer<Use>
    {
        public static readonly UseOrder Instance = new();

        public int Compare(Use x, Use y)
        {
            var xPath = x.Location.SourceTree?.FilePath ?? string.Empty;
            var yPath = y.Location.SourceTree?.FilePath ?? string.Empty;
            var byDesigner = IsDesigner(xPath).CompareTo(IsDesigner(yPath));
            if (byDesigner != 0)
            {
                return byDesigner;
            }

            var byPath = string.CompareOrdinal(xPath, yPath);
            return byPath != 0 ? byPath : x.Location.SourceSpan.Start.CompareTo(y.Location.SourceSpan.Start);
        }

        private static bool IsDesigner(string path) => path.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase);
    }
}
