using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.History;

/// <summary>
/// The tables and columns the application mapped after an EF Core migration, read from its Designer file
/// (<c>BuildTargetModel</c>), as the schema timeline reads them: <c>modelBuilder.Entity("Ns.User", b => { b.Property&lt;string&gt;("Email").HasColumnName("email"); b.ToTable("Users"); })</c>,
/// with TPH base types, owned types and complex properties (their columns are prefixed with the navigation name
/// when they share the owner's table). Read from syntax only: the Designer holds literals.
/// </summary>
internal sealed class TargetModel
{
    /// <summary>
    /// Keyed by the Designer's <c>BuildTargetModel</c> syntax, which outlives a compilation: after an edit elsewhere the
    /// IDE's new compilation keeps this file's tree, so the model is not read again. It holds names only, no symbol, so
    /// it keeps no compilation alive.
    /// </summary>
    private static readonly ConditionalWeakTable<MethodDeclarationSyntax, TargetModel> Cache = new ConditionalWeakTable<MethodDeclarationSyntax, TargetModel>();

    private readonly List<MappedTable> _tables;

    private TargetModel(List<MappedTable> tables)
    {
        _tables = tables;
    }

    public IReadOnlyList<MappedTable> Tables => _tables;

    /// <summary>The model after <paramref name="migration"/>; null when it has no <c>BuildTargetModel</c> (no Designer file, FluentMigrator).</summary>
    public static TargetModel? Of(MigrationInfo migration)
        => migration.TargetModelDeclaration is { } declaration ? Cache.GetValue(declaration, Read) : null;

    /// <summary>The model a model snapshot's <c>BuildModel</c> (or any method written like <c>BuildTargetModel</c>) declares, read once per syntax.</summary>
    public static TargetModel Of(MethodDeclarationSyntax buildModel) => Cache.GetValue(buildModel, Read);

    public MappedTable? FindTable(string? schema, string table)
    {
        foreach (var mapped in _tables)
        {
            if (TableName.Matches(mapped.Schema, mapped.Name, schema, table))
            {
                return mapped;
            }
        }

        return null;
    }

    public bool MapsTable(string? schema, string table) => FindTable(schema, table) is not null;

    public bool MapsColumn(string? schema, string table, string column)
    {
        foreach (var mapped in _tables)
        {
            if (TableName.Matches(mapped.Schema, mapped.Name, schema, table) && mapped.HasColumn(column))
            {
                return true;
            }
        }

        return false;
    }

    public static TargetModel Read(MethodDeclarationSyntax buildTargetModel)
    {
        var entities = new Dictionary<string, EntityBuilder>(StringComparer.Ordinal);
        foreach (var invocation in TopLevelCalls(buildTargetModel))
        {
            if (Name(invocation) == "Entity" && invocation.ArgumentList.Arguments.Count == 2
                && StringLiteral(invocation.ArgumentList.Arguments[0].Expression) is { } entityName
                && invocation.ArgumentList.Arguments[1].Expression is LambdaExpressionSyntax lambda)
            {
                if (!entities.TryGetValue(entityName, out var entity))
                {
                    entities[entityName] = entity = new EntityBuilder();
                }

                ReadEntity(lambda, entity, entities, prefix: null);
            }
        }

        var tables = new List<MappedTable>();
        foreach (var entity in entities.Values)
        {
            if (entity.IsOwnedNested)
            {
                continue;
            }

            if (ResolveTable(entity, entities, depth: 0) is { } table)
            {
                var mapped = tables.Find(t => TableName.Matches(t.Schema, t.Name, table.Schema, table.Name) && string.Equals(t.Schema, table.Schema, StringComparison.OrdinalIgnoreCase));
                if (mapped is null)
                {
                    tables.Add(mapped = new MappedTable(table.Schema, table.Name));
                }

                mapped.AddColumns(entity.Columns);

                // A derived type's columns allow NULL in a TPH table whatever the type says; only the root's count.
                mapped.AddNullability(entity.BaseType is null ? entity.Nullability : null, entity.Columns);
            }

            foreach (var (schema, name, columns) in entity.SeparateTables)
            {
                var mapped = tables.Find(t => TableName.Matches(t.Schema, t.Name, schema, name));
                if (mapped is null)
                {
                    tables.Add(mapped = new MappedTable(schema, name));
                }

                mapped.AddColumns(columns);
            }
        }

        return new TargetModel(tables);
    }

    /// <summary>Reads one entity (or owned / complex type) block into <paramref name="entity"/>; owned types sharing the table add prefixed columns.</summary>
    private static void ReadEntity(LambdaExpressionSyntax lambda, EntityBuilder entity, Dictionary<string, EntityBuilder> entities, string? prefix)
    {
        // Owned and complex types, read both ways: with prefixed columns (sharing the owner's table) and without
        // (their own table). Which one applies is known once the owner's ToTable, which may come later, is read.
        var owned = new List<(EntityBuilder Shared, EntityBuilder Own)>();
        foreach (var call in LambdaCalls(lambda))
        {
            var chain = Chain(call);
            if (chain.Count == 0)
            {
                continue;
            }

            var root = chain[0];
            var arguments = root.ArgumentList.Arguments;
            switch (Name(root))
            {
                case "Property" when arguments.Count >= 1 && StringLiteral(arguments[0].Expression) is { } property:
                {
                    var columnName = property;
                    foreach (var link in chain)
                    {
                        if (Name(link) == "HasColumnName" && link.ArgumentList.Arguments.Count == 1 && StringLiteral(link.ArgumentList.Arguments[0].Expression) is { } explicitName)
                        {
                            columnName = explicitName;
                        }
                    }

                    var mappedName = prefix is null || columnName != property ? columnName : prefix + "_" + property;
                    entity.Columns.Add(mappedName);
                    if (prefix is null)
                    {
                        // An owned type's columns in the owner's table allow NULL when the owned part is optional: unknown here.
                        entity.Nullability[mappedName] = Nullability(root, chain);
                    }

                    break;
                }

                case "ToTable" when arguments.Count >= 1:
                    entity.HasTableCall = true;
                    entity.Table = StringLiteral(arguments[0].Expression);
                    entity.Schema = arguments.Count >= 2 ? StringLiteral(arguments[1].Expression) : null;
                    break;
                case "ToView" or "ToSqlQuery" or "ToFunction":
                    entity.HasTableCall = true;
                    entity.Table = null;
                    break;
                case "HasBaseType" when arguments.Count == 1:
                    entity.BaseType = StringLiteral(arguments[0].Expression);
                    break;
                case "OwnsOne" or "OwnsMany" or "ComplexProperty" when arguments.Count >= 2 && arguments[arguments.Count - 1].Expression is LambdaExpressionSyntax nested:
                {
                    // OwnsOne("Ns.Address", "ShippingAddress", b1 => …); ComplexProperty<…>("Address", "Ns.Customer.Address#Address", b1 => …).
                    var navigation = Name(root) == "ComplexProperty" ? StringLiteral(arguments[0].Expression) : StringLiteral(arguments[1].Expression);
                    var shared = new EntityBuilder { IsOwnedNested = true };
                    ReadEntity(nested, shared, entities, navigation is null ? prefix : prefix is null ? navigation : prefix + "_" + navigation);
                    var own = new EntityBuilder { IsOwnedNested = true };
                    ReadEntity(nested, own, entities, prefix: null);
                    owned.Add((shared, own));
                    break;
                }
            }
        }

        foreach (var (shared, own) in owned)
        {
            if (own.HasTableCall && own.Table is { } ownTable && !(ownTable == entity.Table && own.Schema == entity.Schema))
            {
                // OwnsMany, or OwnsOne(…) with its own ToTable("Addresses"): columns are not prefixed there.
                entity.SeparateTables.Add((own.Schema, ownTable, own.Columns));
                entity.SeparateTables.AddRange(own.SeparateTables);
            }
            else if (!own.HasTableCall || own.Table is not null)
            {
                entity.Columns.UnionWith(shared.Columns);
                entity.SeparateTables.AddRange(shared.SeparateTables);
            }
        }
    }

    /// <summary>
    /// <c>b.Property&lt;string&gt;("Email").IsRequired()</c> → NOT NULL; <c>Property&lt;int?&gt;</c> or a reference type
    /// without <c>IsRequired()</c> → NULL; a value type → NOT NULL. Null when the type is not one the snapshot writes plainly.
    /// </summary>
    private static bool? Nullability(InvocationExpressionSyntax property, List<InvocationExpressionSyntax> chain)
    {
        foreach (var link in chain)
        {
            if (Name(link) == "IsRequired")
            {
                var arguments = link.ArgumentList.Arguments;
                if (arguments.Count == 0)
                {
                    return false;
                }

                return arguments[0].Expression.IsKind(SyntaxKind.FalseLiteralExpression) ? true
                    : arguments[0].Expression.IsKind(SyntaxKind.TrueLiteralExpression) ? false
                    : null;
            }
        }

        if (property.Expression is not MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } || generic.TypeArgumentList.Arguments.Count != 1)
        {
            return null;
        }

        var type = generic.TypeArgumentList.Arguments[0];
        if (type is NullableTypeSyntax)
        {
            return true;
        }

        var text = type.ToString();
        if (text is "string" or "byte[]")
        {
            return true;
        }

        return ValueTypes.Contains(text) ? false : null;
    }

    private static readonly HashSet<string> ValueTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "bool", "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal", "char",
        "Guid", "DateTime", "DateTimeOffset", "TimeSpan", "DateOnly", "TimeOnly",
    };

    private static (string? Schema, string Name)? ResolveTable(EntityBuilder entity, Dictionary<string, EntityBuilder> entities, int depth)
    {
        if (entity.HasTableCall)
        {
            return entity.Table is { } table ? (entity.Schema, table) : null;
        }

        // TPH: a derived type without ToTable lives in its base type's table.
        return depth < 16 && entity.BaseType is { } baseName && entities.TryGetValue(baseName, out var baseEntity)
            ? ResolveTable(baseEntity, entities, depth + 1)
            : null;
    }

    private static IEnumerable<InvocationExpressionSyntax> TopLevelCalls(MethodDeclarationSyntax method)
    {
        if (method.Body is null)
        {
            yield break;
        }

        foreach (var statement in method.Body.Statements)
        {
            if (statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation })
            {
                yield return invocation;
            }
        }
    }

    private static IEnumerable<InvocationExpressionSyntax> LambdaCalls(LambdaExpressionSyntax lambda)
    {
        if (lambda.Body is InvocationExpressionSyntax single)
        {
            yield return single;
        }
        else if (lambda.Body is BlockSyntax block)
        {
            foreach (var statement in block.Statements)
            {
                if (statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation })
                {
                    yield return invocation;
                }
            }
        }
    }

    /// <summary><c>b.Property&lt;string&gt;("Email").IsRequired().HasColumnName("email")</c> → the calls, root (on <c>b</c>) first.</summary>
    private static List<InvocationExpressionSyntax> Chain(InvocationExpressionSyntax last)
    {
        var calls = new List<InvocationExpressionSyntax>();
        ExpressionSyntax current = last;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            calls.Add(invocation);
            current = access.Expression;
        }

        if (current is not IdentifierNameSyntax)
        {
            calls.Clear();
        }

        calls.Reverse();
        return calls;
    }

    private static string? Name(InvocationExpressionSyntax invocation)
        => invocation.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : null;

    private static string? StringLiteral(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

    private sealed class EntityBuilder
    {
        public HashSet<string> Columns { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Column → allows NULL (null: unknown), for the entity's own properties.</summary>
        public Dictionary<string, bool?> Nullability { get; } = new Dictionary<string, bool?>(StringComparer.OrdinalIgnoreCase);

        public List<(string? Schema, string Name, HashSet<string> Columns)> SeparateTables { get; } = new List<(string? Schema, string Name, HashSet<string> Columns)>();

        public bool HasTableCall { get; set; }

        public string? Table { get; set; }

        public string? Schema { get; set; }

        public string? BaseType { get; set; }

        public bool IsOwnedNested { get; set; }
    }
}

/// <summary>A table of a <see cref="TargetModel"/> and the columns mapped to it (compared case-insensitively).</summary>
internal sealed class MappedTable
{
    private readonly HashSet<string> _columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, bool?> _nullability = new Dictionary<string, bool?>(StringComparer.OrdinalIgnoreCase);

    public MappedTable(string? schema, string name)
    {
        Schema = schema;
        Name = name;
    }

    public string? Schema { get; }

    public string Name { get; }

    public IReadOnlyCollection<string> Columns => _columns;

    public bool HasColumn(string column) => _columns.Contains(column);

    /// <summary>Whether the model lets the column hold NULL; null when it does not say or its entities disagree.</summary>
    public bool? IsNullable(string column) => _nullability.TryGetValue(column, out var nullable) ? nullable : null;

    internal void AddColumns(IEnumerable<string> columns) => _columns.UnionWith(columns);

    /// <summary>Records what an entity says of its columns; two entities sharing a column and disagreeing leave it unknown.</summary>
    internal void AddNullability(IReadOnlyDictionary<string, bool?>? nullability, IEnumerable<string> columns)
    {
        foreach (var column in columns)
        {
            bool? said = null;
            if (nullability is not null && nullability.TryGetValue(column, out var value))
            {
                said = value;
            }

            _nullability[column] = _nullability.TryGetValue(column, out var earlier) && earlier != said ? null : said;
        }
    }
}
