using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MigrationAnalyzers.Infrastructure;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.ApiMigration;

/// <summary>
/// MIG2402 (sqlclient pack): a literal SQL Server connection string without an <c>Encrypt</c> keyword, given to
/// <c>SqlConnection</c> or <c>SqlConnectionStringBuilder</c> of System.Data.SqlClient (the code about to move) or of
/// Microsoft.Data.SqlClient 4.0 and later (where the default became <c>Encrypt=true</c>). The pack format matches APIs,
/// not string contents, so this one rule of the pack is an analyzer of its own. No fix: only the team knows whether the
/// server has a trusted certificate.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlConnectionStringEncryptAnalyzer : MigrationAnalyzer
{
    /// <summary>Keywords that name the server: without one the text is not taken for a connection string.</summary>
    private static readonly string[] ServerKeywords = { "server", "data source", "address", "addr", "network address" };

    private static readonly string[] TypeNames = { "SqlConnection", "SqlConnectionStringBuilder" };

    public SqlConnectionStringEncryptAnalyzer()
        : base(MIG2402_SqlConnectionStringWithoutEncrypt)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Looked up at the first node that names one of them, not here: at compilation start a lookup waits for the
        // compiler to bind the references, and most projects never write these names at all.
        var compilation = context.Compilation;
        var lazyTypes = new Lazy<HashSet<INamedTypeSymbol>>(() => Resolve(compilation), LazyThreadSafetyMode.ExecutionAndPublication);

        // Both types are sealed, so a creation names one of them (or an alias of it); the property is ConnectionString.
        // Only those are bound.
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var syntax = (BaseObjectCreationExpressionSyntax)c.Node;
                // Target-typed new() names no type and is always a candidate.
                if (syntax is ObjectCreationExpressionSyntax
                    && (WrittenNames.Created(syntax) is not { } written || (Array.IndexOf(TypeNames, written) < 0 && !WrittenNames.IsAlias(syntax, written, c.SemanticModel))))
                {
                    return;
                }

                if (lazyTypes.Value is { Count: > 0 } types
                    && c.SemanticModel.GetOperation(syntax, c.CancellationToken) is IObjectCreationOperation { Constructor: { } constructor } creation
                    && types.Contains(constructor.ContainingType.OriginalDefinition))
                {
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter is { Ordinal: 0, Type.SpecialType: SpecialType.System_String })
                        {
                            Check(c, argument.Value);
                        }
                    }
                }
            },
            SyntaxKind.ObjectCreationExpression,
            SyntaxKind.ImplicitObjectCreationExpression);

        context.RegisterSyntaxNodeAction(
            c =>
            {
                var syntax = (AssignmentExpressionSyntax)c.Node;
                var target = syntax.Left switch
                {
                    MemberAccessExpressionSyntax access => access.Name,
                    MemberBindingExpressionSyntax binding => binding.Name,
                    SimpleNameSyntax name => name,
                    _ => null,
                };
                if (target?.Identifier.ValueText != "ConnectionString")
                {
                    return;
                }

                if (lazyTypes.Value is { Count: > 0 } types
                    && c.SemanticModel.GetOperation(syntax, c.CancellationToken) is ISimpleAssignmentOperation assignment
                    && assignment.Target is IPropertyReferenceOperation { Property: { Name: "ConnectionString" } property }
                    && types.Contains(property.ContainingType.OriginalDefinition))
                {
                    Check(c, assignment.Value);
                }
            },
            SyntaxKind.SimpleAssignmentExpression);
    }

    private static HashSet<INamedTypeSymbol> Resolve(Compilation compilation)
    {
        var types = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in TypeNames)
        {
            Add(types, compilation.GetTypeByMetadataName("System.Data.SqlClient." + name), minimumMajor: 0);

            // Before 4.0 Microsoft.Data.SqlClient kept Encrypt=false: nothing changes for those projects until they upgrade.
            Add(types, compilation.GetTypeByMetadataName("Microsoft.Data.SqlClient." + name), minimumMajor: 4);
        }

        return types;
    }

    private static void Add(HashSet<INamedTypeSymbol> types, INamedTypeSymbol? type, int minimumMajor)
    {
        if (type is not null && type.ContainingAssembly.Identity.Version.Major >= minimumMajor)
        {
            types.Add(type);
        }
    }

    private static void Check(SyntaxNodeAnalysisContext context, IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value.ConstantValue is { HasValue: true, Value: string text } && ServerWithoutEncrypt(text) is { } server)
        {
            context.ReportDiagnostic(Diagnostic.Create(MIG2402_SqlConnectionStringWithoutEncrypt, value.Syntax.GetLocation(), server));
        }
    }

    /// <summary>The server <paramref name="text"/> names when it has no <c>Encrypt</c> keyword (the keyword decides, not its value); else null.</summary>
    public static string? ServerWithoutEncrypt(string text)
    {
        string? server = null;
        foreach (var part in text.Split(';'))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = part.Substring(0, equals).Trim();
            if (key.Equals("encrypt", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            foreach (var keyword in ServerKeywords)
            {
                if (key.Equals(keyword, StringComparison.OrdinalIgnoreCase))
                {
                    server = part.Substring(equals + 1).Trim();
                }
            }
        }

        return server;
    }
}
