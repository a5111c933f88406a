using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// What a migration's attributes and declarations say, without a symbol: the type and its context by metadata name,
/// the rest as values and syntax. The IDE analyses each document in a new Compilation over the same trees, where
/// reading every migration's attributes again binds them all; the catalog keeps these (<see cref="Caching.SameContentCache"/>)
/// and finds each type again by name instead (<see cref="MigrationReader.Attach"/>).
/// </summary>
internal sealed class MigrationIdentity
{
    private MigrationIdentity(MigrationInfo migration, string typeName, string? dbContextName)
    {
        TypeName = typeName;
        Framework = migration.Framework;
        Style = migration.Style;
        Id = migration.Id;
        Position = migration.Position;
        IdAttribute = migration.IdAttribute;
        DbContextName = dbContextName;
        RunsWithoutTransaction = migration.RunsWithoutTransaction;
        MainDeclaration = migration.MainDeclaration;
        TargetModelDeclaration = migration.TargetModelDeclaration;
        UpDeclaration = migration.UpDeclaration;
    }

    /// <summary>The migration type's metadata name in the compilation's own assembly.</summary>
    public string TypeName { get; }

    public MigrationFramework Framework { get; }

    public MigrationStyle Style { get; }

    public string? Id { get; }

    public long? Position { get; }

    public AttributeSyntax? IdAttribute { get; }

    /// <summary>The EF Core context's metadata name; null when the migration names none.</summary>
    public string? DbContextName { get; }

    public bool RunsWithoutTransaction { get; }

    public ClassDeclarationSyntax? MainDeclaration { get; }

    public MethodDeclarationSyntax? TargetModelDeclaration { get; }

    public MethodDeclarationSyntax? UpDeclaration { get; }

    /// <summary>The identity of <paramref name="migration"/>; null when a type it names has no metadata name to find it again by (a generic instance, an error type).</summary>
    public static MigrationIdentity? Of(MigrationInfo migration)
    {
        if (MetadataName(migration.Symbol) is not { } typeName)
        {
            return null;
        }

        string? dbContextName = null;
        if (migration.DbContext is { } context && (dbContextName = MetadataName(context)) is null)
        {
            return null;
        }

        return new MigrationIdentity(migration, typeName, dbContextName);
    }

    /// <summary><c>Ns.Outer+Inner`1</c>, as <see cref="Compilation.GetTypeByMetadataName"/> takes it; null for what that cannot find.</summary>
    private static string? MetadataName(INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Error || !SymbolEqualityComparer.Default.Equals(type, type.OriginalDefinition))
        {
            return null;
        }

        if (type.ContainingType is { } outer)
        {
            return MetadataName(outer) is { } outerName ? outerName + "+" + type.MetadataName : null;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;
    }
}
