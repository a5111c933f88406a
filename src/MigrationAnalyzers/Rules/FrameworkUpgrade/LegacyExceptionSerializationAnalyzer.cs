// Not a pack rule: it finds declarations (a serialization constructor's base call, a GetObjectData override), not uses of an API.
using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Settings;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.FrameworkUpgrade;

/// <summary>
/// MIG3009: the BinaryFormatter plumbing every .NET Framework custom exception carries: a serialization constructor
/// chaining to a library exception's <c>base(info, context)</c> and a <c>GetObjectData</c> override. Both are obsolete
/// from .NET 8 (SYSLIB0051). A chain to the project's own exception type is not reported: that base is reported instead.
/// Found through the bound base-constructor call (a symbol, not a name) and the overridden method (a symbol), so
/// constructors that merely look alike are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LegacyExceptionSerializationAnalyzer : FrameworkUpgradeAnalyzer
{
    public LegacyExceptionSerializationAnalyzer()
        : base(MIG3009_LegacyExceptionSerialization)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, UpgradeTargetResolver target)
    {
        // Resolved at the first constructor initializer or GetObjectData override, not here: at compilation start the
        // lookups waited for the compiler to bind the references, and the wait was charged to this rule.
        var compilation = context.Compilation;
        var lazySymbols = new Lazy<SerializationSymbols?>(() => SerializationSymbols.Resolve(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        var since = FrameworkVersions.Net(8);

        // Every exception type in the BCL has its own protected serialization constructor (InvalidOperationException's,
        // ArgumentException's, …), all obsolete together: the chain is recognised by its parameters and the exception base.
        // Only an initializer with two arguments can be base(info, context); only those are bound.
        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                var initializer = (ConstructorInitializerSyntax)nodeContext.Node;
                var tree = initializer.SyntaxTree;
                if (initializer.ArgumentList.Arguments.Count == 2
                    && lazySymbols.Value is { } symbols
                    && nodeContext.SemanticModel.GetSymbolInfo(initializer, nodeContext.CancellationToken).Symbol is IMethodSymbol constructor
                    && constructor.Parameters.Length == 2
                    && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, symbols.SerializationInfo)
                    && constructor.Parameters[1].Type.Name == "StreamingContext"
                    && DerivesFrom(constructor.ContainingType, symbols.Exception)
                    && !constructor.ContainingType.Locations.Any(location => location.IsInSource)
                    && target.Reaches(tree, since))
                {
                    // base(info, context), without the colon.
                    var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(initializer.ThisOrBaseKeyword.SpanStart, initializer.Span.End);
                    nodeContext.ReportDiagnostic(Diagnostic.Create(
                        MIG3009_LegacyExceptionSerialization,
                        Location.Create(tree, span),
                        "the serialization constructor " + constructor.ContainingType.Name + "(SerializationInfo, StreamingContext)",
                        target.For(tree)!.DisplayName));
                }
            },
            SyntaxKind.BaseConstructorInitializer,
            SyntaxKind.ThisConstructorInitializer);

        // By name first: symbol actions run while the compiler declares the source, and only these few need the lookup.
        context.RegisterSymbolAction(
            symbolContext =>
            {
                var method = (IMethodSymbol)symbolContext.Symbol;
                if (!method.IsOverride || method.Name != "GetObjectData" || method.Locations.Length == 0
                    || lazySymbols.Value?.GetObjectData is not { } getObjectData || !OverridesOrIs(method, getObjectData))
                {
                    return;
                }

                var location = method.Locations[0];
                if (location.SourceTree is { } tree && target.Reaches(tree, since))
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(
                        MIG3009_LegacyExceptionSerialization,
                        location,
                        "the override of Exception.GetObjectData",
                        target.For(tree)!.DisplayName));
                }
            },
            SymbolKind.Method);
    }

    /// <summary>Exception, SerializationInfo and Exception.GetObjectData(SerializationInfo, StreamingContext); null without the first two.</summary>
    private sealed class SerializationSymbols
    {
        private SerializationSymbols(INamedTypeSymbol exception, INamedTypeSymbol serializationInfo, IMethodSymbol? getObjectData)
        {
            Exception = exception;
            SerializationInfo = serializationInfo;
            GetObjectData = getObjectData;
        }

        public INamedTypeSymbol Exception { get; }

        public INamedTypeSymbol SerializationInfo { get; }

        public IMethodSymbol? GetObjectData { get; }

        public static SerializationSymbols? Resolve(Compilation compilation)
        {
            var exception = compilation.GetTypeByMetadataName("System.Exception");
            var serializationInfo = compilation.GetTypeByMetadataName("System.Runtime.Serialization.SerializationInfo");
            if (exception is null || serializationInfo is null)
            {
                return null;
            }

            IMethodSymbol? getObjectData = null;
            foreach (var member in exception.GetMembers("GetObjectData"))
            {
                if (member is IMethodSymbol { Parameters.Length: 2 } method && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, serializationInfo))
                {
                    getObjectData = method;
                }
            }

            return new SerializationSymbols(exception, serializationInfo, getObjectData);
        }
    }

    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OverridesOrIs(IMethodSymbol method, IMethodSymbol baseMethod)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseMethod))
            {
                return true;
            }
        }

        return false;
    }
}
