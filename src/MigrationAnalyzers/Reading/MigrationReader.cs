using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>Builds a <see cref="MigrationInfo"/> from a migration class: attributes, Up, Down and the Designer's target model.</summary>
internal static class MigrationReader
{
    public static MigrationInfo Read(
        Compilation compilation,
        MigrationSymbols symbols,
        INamedTypeSymbol type,
        MigrationFramework framework,
        MigrationStyle style,
        CancellationToken cancellationToken,
        BodyReadCounter? counter = null)
    {
        string? id = null;
        long? position = null;
        AttributeSyntax? idAttribute = null;
        INamedTypeSymbol? dbContext = null;
        var withoutTransaction = false;

        foreach (var attribute in type.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null)
            {
                continue;
            }

            if (framework == MigrationFramework.EntityFrameworkCore && Is(attributeClass, symbols.EfMigrationAttribute))
            {
                idAttribute = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string text)
                {
                    id = text;
                    position = EfTimestamp(text);
                }
            }
            else if (framework == MigrationFramework.EntityFrameworkCore && Is(attributeClass, symbols.EfDbContextAttribute))
            {
                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol context)
                {
                    dbContext = context;
                }
            }
            else if (framework == MigrationFramework.FluentMigrator && DerivesFrom(attributeClass, symbols.FmMigrationAttribute))
            {
                idAttribute = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                if (Is(attributeClass, symbols.FmMigrationAttribute)
                    && attribute.ConstructorArguments.Length > 0
                    && attribute.ConstructorArguments[0].Value is long version)
                {
                    position = version;
                    id = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                withoutTransaction = HasTransactionBehaviorNone(attribute);
            }
        }

        var up = FindMethod(type, "Up", framework, symbols);
        var down = FindMethod(type, "Down", framework, symbols);

        // Only the declaration now: the operations are read when a rule first asks for Up or Down, without a caller's
        // cancellation token, since the result is shared and a cancelled read must not be kept.
        var upDeclaration = up is null ? null : MigrationBodyReader.Declaration(up, cancellationToken);
        // As MigrationBody.IsInheritedBy tells it: a body declared outside the compilation's source records no method.
        var upInherited = upDeclaration is not null
                          && compilation.ContainsSyntaxTree(upDeclaration.SyntaxTree)
                          && up is { ContainingType: { } owner }
                          && !SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, type.OriginalDefinition);

        MethodDeclarationSyntax? targetModel = null;
        if (framework == MigrationFramework.EntityFrameworkCore)
        {
            foreach (var member in type.GetMembers("BuildTargetModel"))
            {
                if (member is IMethodSymbol { DeclaringSyntaxReferences.Length: > 0 } method)
                {
                    targetModel = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) as MethodDeclarationSyntax;
                }
            }
        }

        return new MigrationInfo(
            type,
            framework,
            style,
            id,
            position,
            idAttribute,
            dbContext,
            withoutTransaction,
            MainDeclaration(type, upInherited ? null : upDeclaration, cancellationToken),
            targetModel,
            upDeclaration,
            () => ReadBody(compilation, symbols, type, up, framework, counter),
            () => ReadBody(compilation, symbols, type, down, framework, counter));
    }

    /// <summary>
    /// The migration <paramref name="identity"/> describes, in <paramref name="compilation"/>, without reading an
    /// attribute: its type and context are found by name, Up and Down are looked up when first read. Null when a name
    /// no longer finds its type, so the caller reads the migrations afresh.
    /// </summary>
    public static MigrationInfo? Attach(Compilation compilation, MigrationSymbols symbols, MigrationIdentity identity, BodyReadCounter? counter, Func<string, INamedTypeSymbol?> findContext)
    {
        if (compilation.Assembly.GetTypeByMetadataName(identity.TypeName) is not { } type)
        {
            return null;
        }

        INamedTypeSymbol? dbContext = null;
        if (identity.DbContextName is { } contextName && (dbContext = findContext(contextName)) is null)
        {
            return null;
        }

        var framework = identity.Framework;
        return new MigrationInfo(
            type,
            framework,
            identity.Style,
            identity.Id,
            identity.Position,
            identity.IdAttribute,
            dbContext,
            identity.RunsWithoutTransaction,
            identity.MainDeclaration,
            identity.TargetModelDeclaration,
            identity.UpDeclaration,
            () => ReadBody(compilation, symbols, type, FindMethod(type, "Up", framework, symbols), framework, counter),
            () => ReadBody(compilation, symbols, type, FindMethod(type, "Down", framework, symbols), framework, counter));
    }

    private static MigrationBody ReadBody(Compilation compilation, MigrationSymbols symbols, INamedTypeSymbol type, IMethodSymbol? method, MigrationFramework framework, BodyReadCounter? counter)
    {
        counter?.Add();
        return MigrationBodyReader.Read(compilation, symbols, type, method, framework, CancellationToken.None);
    }

    /// <summary>The leading <c>yyyyMMddHHmmss</c> of an EF Core migration ID.</summary>
    public static long? EfTimestamp(string id)
    {
        var underscore = id.IndexOf('_');
        var digits = underscore < 0 ? id : id.Substring(0, underscore);
        return digits.Length == 14 && long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private static bool HasTransactionBehaviorNone(AttributeData attribute)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (IsTransactionBehaviorNone(argument))
            {
                return true;
            }
        }

        foreach (var named in attribute.NamedArguments)
        {
            if (IsTransactionBehaviorNone(named.Value))
            {
                return true;
            }
        }

        return false;

        static bool IsTransactionBehaviorNone(TypedConstant constant)
        {
            if (constant.Type is not INamedTypeSymbol { Name: "TransactionBehavior", TypeKind: TypeKind.Enum } enumType)
            {
                return false;
            }

            foreach (var member in enumType.GetMembers("None"))
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant.Value))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Up or Down, declared in the migration or inherited from a user base class (never the framework's own).</summary>
    private static IMethodSymbol? FindMethod(INamedTypeSymbol type, string name, MigrationFramework framework, MigrationSymbols symbols)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsFrameworkType(current, symbols))
            {
                return null;
            }

            foreach (var member in current.GetMembers(name))
            {
                if (member is not IMethodSymbol { IsAbstract: false, IsStatic: false } method || method.DeclaringSyntaxReferences.Length == 0)
                {
                    continue;
                }

                var expected = framework == MigrationFramework.EntityFrameworkCore ? 1 : 0;
                if (method.Parameters.Length == expected)
                {
                    return method;
                }
            }
        }

        return null;
    }

    private static bool IsFrameworkType(INamedTypeSymbol type, MigrationSymbols symbols)
        => Is(type, symbols.EfMigration) || Is(type, symbols.FmMigration) || Is(type, symbols.FmAutoReversingMigration) || Is(type, symbols.FmForwardOnlyMigration);

    /// <summary>
    /// The part of <paramref name="type"/> a class is reported and analysed at: the one declaring <paramref name="up"/>,
    /// else its first part outside a Designer file, else its first part.
    /// </summary>
    public static ClassDeclarationSyntax? MainDeclaration(INamedTypeSymbol type, MethodDeclarationSyntax? up, CancellationToken cancellationToken)
    {
        if (up?.Parent is ClassDeclarationSyntax owner)
        {
            return owner;
        }

        ClassDeclarationSyntax? first = null;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not ClassDeclarationSyntax declaration)
            {
                continue;
            }

            first ??= declaration;
            if (!IsDesignerFile(declaration.SyntaxTree))
            {
                return declaration;
            }
        }

        return first;
    }

    /// <summary>An EF Core Designer file: the generated half of a migration, holding its attributes and target model.</summary>
    private static bool IsDesignerFile(SyntaxTree tree) => tree.FilePath.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase);

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? expected)
        => expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? expected)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, expected))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>How many Up and Down bodies a catalog has read: the hook tests use to prove a rule reads only what it needs.</summary>
internal sealed class BodyReadCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}
