using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.Infrastructure;

/// <summary>
/// Hands every class of the compilation's source to an analysis once, when the compiler has finished the file of the
/// class's main declaration: for a migration the part that declares its Up (<see cref="MigrationInfo.MainDeclaration"/>),
/// for another class its first part outside a Designer file.
/// </summary>
/// <remarks>
/// Why not a symbol action: the compiler declares classes one after another, and the first migration rule to run asks
/// for the whole history (every migration's attributes, base class and Up). As a symbol action it asked while the
/// compiler was still completing those classes, so it bound them itself, queued on the compiler's locks, and was
/// charged for binding the build does anyway. A semantic model action runs once the compiler has compiled the file's
/// method bodies, which comes after every class is declared; and a body the compiler has bound is read from the
/// semantic model it left behind.
/// </remarks>
internal static class DeclaredClasses
{
    public static void Register(CompilationStartAnalysisContext context, MigrationCatalog catalog, Action<ClassAnalysisContext> analyze)
    {
        var compilation = context.Compilation;
        context.RegisterSemanticModelAction(modelContext =>
        {
            var model = modelContext.SemanticModel;
            var root = model.SyntaxTree.GetRoot(modelContext.CancellationToken);
            Visit(root);

            void Visit(SyntaxNode container)
            {
                foreach (var child in container.ChildNodes())
                {
                    switch (child)
                    {
                        case BaseNamespaceDeclarationSyntax:
                            Visit(child);
                            break;
                        case ClassDeclarationSyntax declaration:
                            Analyze(declaration);
                            Visit(declaration);
                            break;
                        case TypeDeclarationSyntax:
                            Visit(child);
                            break;
                    }
                }
            }

            void Analyze(ClassDeclarationSyntax declaration)
            {
                modelContext.CancellationToken.ThrowIfCancellationRequested();
                if (model.GetDeclaredSymbol(declaration, modelContext.CancellationToken) is not { } type)
                {
                    return;
                }

                var migration = catalog.Get(type);
                if (!IsMain(declaration, migration?.MainDeclaration ?? MainDeclaration(type, modelContext.CancellationToken)))
                {
                    return;
                }

                analyze(new ClassAnalysisContext(type, migration, compilation, modelContext.Options, modelContext.ReportDiagnostic, modelContext.CancellationToken));
            }
        });
    }

    /// <summary>The declaration a class is analysed with, so that a partial class is analysed once.</summary>
    private static bool IsMain(ClassDeclarationSyntax declaration, SyntaxNode? main)
        => main is null || (main.SyntaxTree == declaration.SyntaxTree && main.Span == declaration.Span);

    private static ClassDeclarationSyntax? MainDeclaration(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var references = type.DeclaringSyntaxReferences;
        if (references.Length == 1)
        {
            return references[0].GetSyntax(cancellationToken) as ClassDeclarationSyntax;
        }

        ClassDeclarationSyntax? first = null;
        foreach (var reference in references)
        {
            if (reference.GetSyntax(cancellationToken) is not ClassDeclarationSyntax declaration)
            {
                continue;
            }

            first ??= declaration;
            if (!MigrationReader.IsDesignerFile(declaration.SyntaxTree))
            {
                return declaration;
            }
        }

        return first;
    }
}

/// <summary>One class handed over by <see cref="DeclaredClasses"/>, with what an analysis needs to report on it.</summary>
internal readonly struct ClassAnalysisContext
{
    private readonly Action<Diagnostic> _report;

    public ClassAnalysisContext(INamedTypeSymbol type, MigrationInfo? migration, Compilation compilation, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        Type = type;
        Migration = migration;
        Compilation = compilation;
        Options = options;
        _report = report;
        CancellationToken = cancellationToken;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The migration the class declares; null when it is not one.</summary>
    public MigrationInfo? Migration { get; }

    public Compilation Compilation { get; }

    public AnalyzerOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
}
