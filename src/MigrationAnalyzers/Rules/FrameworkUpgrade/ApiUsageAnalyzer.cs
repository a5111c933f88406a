using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.Rules.FrameworkUpgrade;

/// <summary>
/// The shared, table-driven half of the framework-upgrade rules: each derived analyzer lists the members it looks for
/// (<see cref="UpgradeApi"/>), and this class finds calls, constructions, property and method-group uses of them.
/// Symbols are matched by identity, never by name, so a user type called <c>Thread</c> is not mistaken for the BCL one.
/// </summary>
public abstract class ApiUsageAnalyzer : FrameworkUpgradeAnalyzer
{
    private readonly ImmutableArray<UpgradeApi> _table;

    protected ApiUsageAnalyzer(ImmutableArray<UpgradeApi> table)
        : base(table.Select(row => row.Descriptor).Distinct().ToArray())
    {
        _table = table;
    }

    protected sealed override void OnCompilationStart(CompilationStartAnalysisContext context, UpgradeTargetResolver target)
    {
        var rows = Resolve(context.Compilation);
        if (rows.Count == 0)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var symbol = operationContext.Operation switch
                {
                    IInvocationOperation invocation => (ISymbol)invocation.TargetMethod.OriginalDefinition,
                    IObjectCreationOperation creation => creation.Constructor?.OriginalDefinition,
                    IPropertyReferenceOperation property => property.Property.OriginalDefinition,
                    IFieldReferenceOperation field => field.Field.OriginalDefinition,
                    IMethodReferenceOperation method => method.Method.OriginalDefinition,
                    _ => null,
                };

                if (symbol is null || !rows.TryGetValue(symbol, out var row))
                {
                    return;
                }

                var tree = operationContext.Operation.Syntax.SyntaxTree;
                if (!target.Reaches(tree, row.Since))
                {
                    return;
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(
                    row.Descriptor,
                    operationContext.Operation.Syntax.GetLocation(),
                    DisplayName(symbol),
                    row.Consequence,
                    target.For(tree)!.DisplayName));
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.PropertyReference,
            OperationKind.FieldReference,
            OperationKind.MethodReference);
    }

    /// <summary>Maps every matching member symbol to its row; rows whose type this compilation does not have are dropped.</summary>
    private Dictionary<ISymbol, UpgradeApi> Resolve(Compilation compilation)
    {
        var rows = new Dictionary<ISymbol, UpgradeApi>(SymbolEqualityComparer.Default);
        foreach (var row in _table)
        {
            var type = compilation.GetTypeByMetadataName(row.TypeMetadataName);
            if (type is null)
            {
                continue;
            }

            var members = row.MemberName is null ? type.GetMembers() : type.GetMembers(row.MemberName);
            foreach (var member in members)
            {
                if (member.DeclaredAccessibility == Accessibility.Public && !rows.ContainsKey(member))
                {
                    rows.Add(member, row);
                }
            }
        }

        return rows;
    }

    /// <summary><c>Thread.Abort</c>, <c>new SHA256Managed</c>: short enough for a message, precise enough to search for.</summary>
    public static string DisplayName(ISymbol symbol)
        => symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            ? "new " + constructor.ContainingType.Name
            : symbol.ContainingType.Name + "." + symbol.Name;
}
