using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
    // One walk a file for all the analyzers that take its classes: over 30 of them do, once each per file.
    private static readonly ConditionalWeakTable<MigrationCatalog, ConcurrentDictionary<SyntaxTree, ImmutableArray<DeclaredClass>>> ByTree =
        new ConditionalWeakTable<MigrationCatalog, ConcurrentDictionary<SyntaxTree, ImmutableArray<DeclaredClass>>>();

    public static void Register(CompilationStartAnalysisContext context, MigrationCatalog catalog, Action<ClassAnalysisContext> analyze)
    {
        var compilation = context.Compilation;
        var byTree = ByTree.GetValue(catalog, _ => PerFileTable.For<ImmutableArray<DeclaredClass>>(compilation));
        context.RegisterSemanticModelAction(modelContext =>
        {
            // Asked here rather than at compilation start, where the lookups wait for the compiler: with no migration
            // API referenced, no analysis that takes classes has anything to do.
            if (!catalog.Symbols.HasAny)
            {
                return;
            }

            var model = modelContext.SemanticModel;
            if (!byTree.TryGetValue(model.SyntaxTree, out var classes))
            {
                // Read again by a concurrent caller at worst: the same classes, and a cancelled read is not kept.
                classes = byTree.GetOrAdd(model.SyntaxTree, Read(model, catalog, modelContext.CancellationToken));
            }

            foreach (var declared in classes)
            {
                analyze(new ClassAnalysisContext(declared.Type, declared.Migration, compilation, modelContext));
            }
        });
    }

    /// <summary>The classes whose main declaration is in the model's file, outermost first.</summary>
    private static ImmutableArray<DeclaredClass> Read(SemanticModel model, MigrationCatalog catalog, CancellationToken cancellationToken)
    {
        ImmutableArray<DeclaredClass>.Builder? classes = null;
        FileTypeDeclarations.Walk(model.SyntaxTree.GetRoot(cancellationToken), scope: null, type =>
        {
            if (type is ClassDeclarationSyntax declaration)
            {
                Add(declaration);
            }
        });

        return classes?.ToImmutable() ?? ImmutableArray<DeclaredClass>.Empty;

        void Add(ClassDeclarationSyntax declaration)
        {
            cancellationToken.ThrowIfCancellationRequested();
            INamedTypeSymbol type;
            MigrationInfo? migration;
            if (catalog.TryGetDeclaredBy(declaration, out var known) && known is not null)
            {
                type = known.Symbol;
                migration = known;
            }
            else if (model.GetDeclaredSymbol(declaration, cancellationToken) is { } declared)
            {
                type = declared;
                migration = catalog.Get(type);
            }
            else
            {
                return;
            }

            if (IsMain(declaration, migration?.MainDeclaration ?? MigrationReader.MainDeclaration(type, up: null, cancellationToken)))
            {
                (classes ??= ImmutableArray.CreateBuilder<DeclaredClass>()).Add(new DeclaredClass(type, migration));
            }
        }
    }

    /// <summary>The declaration a class is analysed with, so that a partial class is analysed once.</summary>
    private static bool IsMain(ClassDeclarationSyntax declaration, SyntaxNode? main)
        => main is null || (main.SyntaxTree == declaration.SyntaxTree && main.Span == declaration.Span);
}

/// <summary>A class whose main declaration a file holds, and the migration it declares (null when none).</summary>
internal readonly record struct DeclaredClass(INamedTypeSymbol Type, MigrationInfo? Migration);

/// <summary>One class handed over by <see cref="DeclaredClasses"/>, with what an analysis needs to report on it.</summary>
internal readonly struct ClassAnalysisContext
{
    // The file's context itself, not its ReportDiagnostic as a delegate: that boxed the context and made a delegate for
    // every class and analyzer, a quarter of a million objects on a history of 2,500 migrations.
    private readonly SemanticModelAnalysisContext _file;

    public ClassAnalysisContext(INamedTypeSymbol type, MigrationInfo? migration, Compilation compilation, SemanticModelAnalysisContext file)
    {
        Type = type;
        Migration = migration;
        Compilation = compilation;
        _file = file;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The migration the class declares; null when it is not one.</summary>
    public MigrationInfo? Migration { get; }

    public Compilation Compilation { get; }

    public AnalyzerOptions Options => _file.Options;

    public CancellationToken CancellationToken => _file.CancellationToken;

    /// <summary>Reports <paramref name="diagnostic"/> unless it lies in generated code (see <see cref="GeneratedCode"/>).</summary>
    public void ReportDiagnostic(Diagnostic diagnostic)
    {
        if (!GeneratedCode.For(Compilation).Contains(diagnostic.Location, _file.Options, _file.CancellationToken))
        {
            _file.ReportDiagnostic(diagnostic);
        }
    }
}
