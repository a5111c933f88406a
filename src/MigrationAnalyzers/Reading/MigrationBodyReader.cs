using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// Reads the operations of Up or Down, following calls into methods of the migration's own class hierarchy:
/// private helpers (<c>Up() { CreateUsers(); AddIndexes(); }</c>) and template methods of a project base class
/// (<c>sealed override Up() { UpgradeMain(); }</c> with <c>UpgradeMain</c> overridden in each migration). Their
/// operations are part of the body, with their own syntax, so diagnostics land on the operation itself.
/// Only methods declared in source in the migration's hierarchy are followed, without arguments other than the
/// migration builder (so every name in them is what the call means), each at most once, to a fixed depth.
/// </summary>
internal sealed class MigrationBodyReader
{
    /// <summary>Deep enough for a template method that calls helpers that call helpers; cheap on any code.</summary>
    private const int MaxDepth = 6;

    private readonly Compilation _compilation;
    private readonly MigrationSymbols _symbols;
    private readonly INamedTypeSymbol _migrationType;
    private readonly MigrationFramework _framework;
    private readonly CancellationToken _cancellationToken;
    private readonly ImmutableArray<MigrationOperation>.Builder _operations = ImmutableArray.CreateBuilder<MigrationOperation>();
    private bool _throws;

    // Made at first use: most bodies are one method of one file, every statement read, nothing followed, and a reader
    // is made for every Up and Down of the history.
    private SemanticModel? _model;
    private Dictionary<SyntaxTree, SemanticModel>? _otherModels;
    private IMethodSymbol? _root;
    private HashSet<IMethodSymbol>? _followed;
    private ImmutableArray<SyntaxNode>.Builder? _unrecognized;
    private ImmutableArray<int>.Builder? _operationsBeforeUnrecognized;
    private ImmutableArray<MethodDeclarationSyntax>.Builder? _calledMethods;

    private MigrationBodyReader(Compilation compilation, MigrationSymbols symbols, INamedTypeSymbol migrationType, MigrationFramework framework, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _symbols = symbols;
        _migrationType = migrationType;
        _framework = framework;
        _cancellationToken = cancellationToken;
    }

    public static MigrationBody Read(
        Compilation compilation,
        MigrationSymbols symbols,
        INamedTypeSymbol migrationType,
        IMethodSymbol? method,
        MigrationFramework framework,
        CancellationToken cancellationToken)
    {
        if (method is null || Declaration(method, cancellationToken) is not { } declaration)
        {
            return MigrationBody.Missing;
        }

        if (!compilation.ContainsSyntaxTree(declaration.SyntaxTree))
        {
            // Declared in the source of another project (an IDE project reference): declared, but not readable here.
            return new MigrationBody(declaration, ImmutableArray<MigrationOperation>.Empty, ImmutableArray.Create<SyntaxNode>(declaration), throws: false);
        }

        var reader = new MigrationBodyReader(compilation, symbols, migrationType, framework, cancellationToken);
        reader._root = method.OriginalDefinition;
        reader.ReadMethod(declaration, method, depth: 0);
        return new MigrationBody(
            declaration,
            reader._operations.ToImmutable(),
            reader._unrecognized?.ToImmutable() ?? ImmutableArray<SyntaxNode>.Empty,
            reader._throws,
            method,
            reader._calledMethods?.ToImmutable() ?? ImmutableArray<MethodDeclarationSyntax>.Empty,
            reader._operationsBeforeUnrecognized?.ToImmutable() ?? ImmutableArray<int>.Empty);
    }

    private void ReadMethod(MethodDeclarationSyntax declaration, IMethodSymbol method, int depth)
    {
        if (declaration.Body is null && declaration.ExpressionBody is null)
        {
            return;
        }

        var model = ModelFor(declaration.SyntaxTree);
        var efReader = _framework == MigrationFramework.EntityFrameworkCore
            ? new EfCoreOperationReader(model, _symbols, BuilderParameter(method), SyntaxArgumentsFor(model, declaration, method), _cancellationToken)
            : null;
        var fmReader = _framework == MigrationFramework.FluentMigrator ? new FluentMigratorOperationReader(model, SyntaxArgumentsFor(model, declaration, method), _cancellationToken) : null;

        void ReadExpression(ExpressionSyntax expression, StatementSyntax? statement, SyntaxNode node)
        {
            if (efReader?.Read(expression, statement) is { } operation)
            {
                _operations.Add(operation);
            }
            else if (fmReader?.Read(expression, statement) is { IsEmpty: false } fluentOperations)
            {
                _operations.AddRange(fluentOperations);
            }
            else if (!TryFollow(model, expression, depth))
            {
                Unrecognized(node);
            }
        }

        if (declaration.ExpressionBody is { } arrow)
        {
            // "=> throw …" or "=> migrationBuilder.DropTable(…)".
            if (arrow.Expression is ThrowExpressionSyntax)
            {
                _throws = true;
            }
            else
            {
                ReadExpression(arrow.Expression, null, arrow.Expression);
            }
        }

        foreach (var statement in declaration.Body?.Statements ?? default)
        {
            switch (statement)
            {
                case EmptyStatementSyntax:
                    break;
                case ThrowStatementSyntax:
                    _throws = true;
                    break;
                case ExpressionStatementSyntax expressionStatement:
                    ReadExpression(expressionStatement.Expression, statement, statement);
                    break;
                default:
                    Unrecognized(statement);
                    FollowTemplateMethodsIn(statement, model, method, depth);
                    break;
            }
        }
    }

    /// <summary>
    /// A base class's <c>Up</c> that picks the template method by database (<c>switch (database) { case Main:
    /// UpgradeMain(); … }</c>): the condition stays unknown, but the template methods it calls are the migration's own
    /// operations, overridden below the base class. Only such overridden virtual methods are followed inside a branch:
    /// a helper or an operation in a branch may be meant for one database only, and stays unknown.
    /// </summary>
    private void FollowTemplateMethodsIn(StatementSyntax statement, SemanticModel model, IMethodSymbol caller, int depth)
    {
        foreach (var node in statement.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation }
                || model.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol called
                || !(called.IsVirtual || called.IsAbstract || called.IsOverride)
                || SymbolEqualityComparer.Default.Equals(MostDerived(called).ContainingType?.OriginalDefinition, caller.ContainingType?.OriginalDefinition))
            {
                continue;
            }

            TryFollow(model, invocation, depth);
        }
    }

    /// <summary>
    /// Reading from syntax first spares binding the body; names in it are bound at the position of the type, which
    /// gives the same symbols only without method type parameters.
    /// </summary>
    private SyntaxArguments? SyntaxArgumentsFor(SemanticModel model, MethodDeclarationSyntax declaration, IMethodSymbol method)
        => !method.IsGenericMethod && declaration.Parent is TypeDeclarationSyntax container
            ? new SyntaxArguments(model, declaration, container, method.ContainingType, _cancellationToken)
            : null;

    private void Unrecognized(SyntaxNode node)
    {
        (_unrecognized ??= ImmutableArray.CreateBuilder<SyntaxNode>()).Add(node);
        (_operationsBeforeUnrecognized ??= ImmutableArray.CreateBuilder<int>()).Add(_operations.Count);
    }

    /// <summary>
    /// A call of a method of the migration's hierarchy (<c>CreateUsers()</c>, <c>this.UpgradeMain()</c>,
    /// <c>base.Up()</c>, <c>AddIndexes(migrationBuilder)</c>): reads its body in place of the call.
    /// </summary>
    private bool TryFollow(SemanticModel model, ExpressionSyntax expression, int depth)
    {
        if (depth >= MaxDepth || expression is not InvocationExpressionSyntax invocation)
        {
            return false;
        }

        var throughBase = false;
        switch (invocation.Expression)
        {
            case IdentifierNameSyntax:
            case GenericNameSyntax:
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }:
                break;
            case MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax }:
                throughBase = true;
                break;
            default:
                return false;
        }

        if (model.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol called
            || called.MethodKind != MethodKind.Ordinary
            || called.IsExtensionMethod
            || !HasOnlyBuilderParameters(called, invocation))
        {
            return false;
        }

        // Virtual dispatch: the override the migration class really runs, unless the call names base explicitly.
        var target = throughBase || !(called.IsVirtual || called.IsAbstract || called.IsOverride) ? called : MostDerived(called);
        if (!IsInHierarchy(target.ContainingType)
            || Declaration(target, _cancellationToken) is not { } declaration
            || !_compilation.ContainsSyntaxTree(declaration.SyntaxTree)
            || SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, _root)
            || !(_followed ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(target.OriginalDefinition))
        {
            // Outside the hierarchy, without source, or already read (recursion, or the same helper twice): unknown.
            return false;
        }

        (_calledMethods ??= ImmutableArray.CreateBuilder<MethodDeclarationSyntax>()).Add(declaration);
        ReadMethod(declaration, target, depth + 1);
        return true;
    }

    /// <summary>
    /// EF Core helpers take the migration builder (<c>CreateUsers(migrationBuilder)</c>); any other argument would make
    /// the names in the helper depend on the call, so such helpers stay unknown.
    /// </summary>
    private bool HasOnlyBuilderParameters(IMethodSymbol method, InvocationExpressionSyntax invocation)
    {
        if (invocation.ArgumentList.Arguments.Count != method.Parameters.Length)
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (_framework != MigrationFramework.EntityFrameworkCore || !IsBuilderType(parameter.Type) || parameter.RefKind != RefKind.None)
            {
                return false;
            }
        }

        return true;
    }

    private IParameterSymbol? BuilderParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsBuilderType(parameter.Type))
            {
                return parameter;
            }
        }

        return null;
    }

    private bool IsBuilderType(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (_symbols.EfMigrationBuilder is not null && SymbolEqualityComparer.Default.Equals(current, _symbols.EfMigrationBuilder))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The override of <paramref name="called"/> nearest to the migration class.</summary>
    private IMethodSymbol MostDerived(IMethodSymbol called)
    {
        var original = called.OriginalDefinition;
        for (var type = _migrationType; type is not null && !IsFrameworkType(type); type = type.BaseType)
        {
            foreach (var member in type.GetMembers(called.Name))
            {
                if (member is not IMethodSymbol { IsStatic: false } candidate)
                {
                    continue;
                }

                // Guarded walk up the override chain: broken code can hold odd chains, never a long one.
                var step = 0;
                for (var current = candidate; current is not null && step < 32; current = current.OverriddenMethod, step++)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, original))
                    {
                        return candidate;
                    }
                }
            }
        }

        return called;
    }

    private bool IsInHierarchy(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        for (var current = _migrationType; current is not null && !IsFrameworkType(current); current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsFrameworkType(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        return Is(definition, _symbols.EfMigration) || Is(definition, _symbols.FmMigration)
               || Is(definition, _symbols.FmAutoReversingMigration) || Is(definition, _symbols.FmForwardOnlyMigration)
               || type.SpecialType == SpecialType.System_Object;

        static bool Is(INamedTypeSymbol type, INamedTypeSymbol? expected)
            => expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
    }

    private SemanticModel ModelFor(SyntaxTree tree)
    {
        if (_model is null)
        {
            return _model = _compilation.GetSemanticModel(tree);
        }

        if (_model.SyntaxTree == tree)
        {
            return _model;
        }

        _otherModels ??= new Dictionary<SyntaxTree, SemanticModel>();
        if (!_otherModels.TryGetValue(tree, out var model))
        {
            model = _compilation.GetSemanticModel(tree);
            _otherModels[tree] = model;
        }

        return model;
    }

    /// <summary>The method's declaration with a body (the implementing part of a partial method).</summary>
    internal static MethodDeclarationSyntax? Declaration(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var source = method.PartialImplementationPart ?? method;
        foreach (var reference in source.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
            {
                return declaration;
            }
        }

        return null;
    }
}
