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

    // By table name: a history's models are compared pairwise, table by table, and a model of a long history maps
    // hundreds of tables, so a scan per question grows with the square of the model.
    private readonly Dictionary<string, List<MappedTable>> _byName;

    private TargetModel(List<MappedTable> tables)
    {
        _tables = tables;
        _byName = new Dictionary<string, List<MappedTable>>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            if (!_byName.TryGetValue(table.Name, out var sameName))
            {
                _byName[table.Name] = sameName = new List<MappedTable>(1);
            }

            sameName.Add(table);
        }
    }

    public IReadOnlyList<MappedTable> Tables => _tables;

    /// <summary>
    /// The model after <paramref name="migration"/>; null when it has no <c>BuildTargetModel</c> (no Designer file,
    /// FluentMigrator). A reader of a whole history passes one <paramref name="memo"/> for all its Designers.
    /// </summary>
    public static TargetModel? Of(MigrationInfo migration, EntityBlockMemo? memo = null)
        => migration.TargetModelDeclaration is not { } declaration ? null
            : memo is null ? Cache.GetValue(declaration, Read)
            : Cache.GetValue(declaration, d => Read(d, memo));

    /// <summary>The model a model snapshot's <c>BuildModel</c> (or any method written like <c>BuildTargetModel</c>) declares, read once per syntax.</summary>
    public static TargetModel Of(MethodDeclarationSyntax buildModel) => Cache.GetValue(buildModel, Read);

    /// <summary>The first table of the model (in declaration order) that <see cref="TableName.Matches"/> the name.</summary>
    public MappedTable? FindTable(string? schema, string table)
    {
        if (!_byName.TryGetValue(table, out var sameName))
        {
            return null;
        }

        foreach (var mapped in sameName)
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
        if (!_byName.TryGetValue(table, out var sameName))
        {
            return false;
        }

        foreach (var mapped in sameName)
        {
            if (TableName.Matches(mapped.Schema, mapped.Name, schema, table) && mapped.HasColumn(column))
            {
                return true;
            }
        }

        return false;
    }

    public static TargetModel Read(MethodDeclarationSyntax buildTargetModel) => Read(buildTargetModel, memo: null);

    /// <summary>
    /// Reads the model; with a <paramref name="memo"/>, an entity's first block is copied from an earlier Designer's block
    /// with the same text where there is one (what a block reads depends on its text alone).
    /// </summary>
    public static TargetModel Read(MethodDeclarationSyntax buildTargetModel, EntityBlockMemo? memo)
    {
        var entities = new Dictionary<string, EntityBuilder>(buildTargetModel.Body?.Statements.Count ?? 0, StringComparer.Ordinal);
        foreach (var statement in buildTargetModel.Body?.Statements ?? default)
        {
            if (statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation }
                && Name(invocation) == "Entity" && invocation.ArgumentList.Arguments.Count == 2
                && StringLiteral(invocation.ArgumentList.Arguments[0].Expression) is { } entityName
                && invocation.ArgumentList.Arguments[1].Expression is LambdaExpressionSyntax lambda)
            {
                if (entities.TryGetValue(entityName, out var entity))
                {
                    // A later block of the same entity (relationships) adds to what the first read, to a copy of it
                    // when the first was the memo's.
                    if (entity.IsShared)
                    {
                        entities[entityName] = entity = entity.Copy();
                    }

                    ReadEntity(lambda, entity, prefix: null);
                    continue;
                }

                EntityBlockMemo.Key key = default;
                if (memo?.Find(statement, out key) is { } known)
                {
                    entities[entityName] = known;
                    continue;
                }

                // Sized for one column a statement, as most statements are properties: spares the dictionary growing as they are added.
                entities[entityName] = entity = new EntityBuilder(lambda.Body is BlockSyntax block ? block.Statements.Count : 1);
                ReadEntity(lambda, entity, prefix: null);
                memo?.Add(key, entity);
            }
        }

        var tables = new List<MappedTable>();
        foreach (var entity in entities.Values)
        {
            if (entity.IsOwnedNested)
            {
                continue;
            }

            if (EntityTableMapping.TableOf(entity.Mapping, name => entities.TryGetValue(name, out var named) ? named.Mapping : null) is { } table)
            {
                // A derived type's columns allow NULL in a TPH table whatever the type says; only the root's count.
                var saysNullability = entity.Mapping.BaseType is null;
                var index = CollectedAt(tables, table.Schema, table.Name, sameSchema: true);
                if (index < 0)
                {
                    // The memo's entity alone in its table, as in the Designer before: the same table, not a new one.
                    tables.Add(entity.IsShared
                        ? entity.AloneIn(table.Schema, table.Name, saysNullability)
                        : MappedTable.Of(table.Schema, table.Name, entity.Columns, saysNullability));
                }
                else
                {
                    // Adds the entity's columns with what it says of them.
                    Owned(tables, index).AddNullability(entity.Columns, saysNullability);
                }
            }

            foreach (var (schema, name, columns) in entity.SeparateTables)
            {
                var index = CollectedAt(tables, schema, name, sameSchema: false);
                if (index < 0)
                {
                    tables.Add(new MappedTable(schema, name, columns));
                }
                else
                {
                    Owned(tables, index).AddColumns(columns);
                }
            }
        }

        return new TargetModel(tables);
    }

    /// <summary>Where the table already collected by that name is, or -1; <paramref name="sameSchema"/> also requires the very same schema, not only one that matches.</summary>
    private static int CollectedAt(List<MappedTable> tables, string? schema, string name, bool sameSchema)
    {
        for (var i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            if (TableName.Matches(table.Schema, table.Name, schema, name) && (!sameSchema || string.Equals(table.Schema, schema, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The collected table at <paramref name="index"/>, made this model's own first when it is a memo entity's shared one.</summary>
    private static MappedTable Owned(List<MappedTable> tables, int index)
    {
        var table = tables[index];
        if (table.IsShared)
        {
            tables[index] = table = table.Copy();
        }

        return table;
    }

    /// <summary>Reads one entity (or owned / complex type) block into <paramref name="entity"/>; owned types sharing the table add prefixed columns.</summary>
    private static void ReadEntity(LambdaExpressionSyntax lambda, EntityBuilder entity, string? prefix)
    {
        // Owned and complex types, read both ways: with prefixed columns (sharing the owner's table) and without
        // (their own table). Which one applies is known once the owner's ToTable, which may come later, is read.
        List<(EntityBuilder Shared, EntityBuilder Own)>? owned = null;
        if (lambda.Body is BlockSyntax block)
        {
            foreach (var statement in block.Statements)
            {
                if (statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call })
                {
                    ReadCall(call, entity, prefix, ref owned);
                }
            }
        }
        else if (lambda.Body is InvocationExpressionSyntax call)
        {
            ReadCall(call, entity, prefix, ref owned);
        }

        if (owned is null)
        {
            return;
        }

        foreach (var (shared, own) in owned)
        {
            if (own.Mapping.HasTableCall && own.Mapping.Table is { } ownTable && !(ownTable == entity.Mapping.Table && own.Mapping.Schema == entity.Mapping.Schema))
            {
                // OwnsMany, or OwnsOne(…) with its own ToTable("Addresses"): columns are not prefixed there.
                entity.SeparateTables.Add((own.Mapping.Schema, ownTable, own.Columns.Keys));
                entity.SeparateTables.AddRange(own.SeparateTables);
            }
            else if (!own.Mapping.HasTableCall || own.Mapping.Table is not null)
            {
                foreach (var column in shared.Columns.Keys)
                {
                    entity.AddColumn(column);
                }

                entity.SeparateTables.AddRange(shared.SeparateTables);
            }
        }
    }

    /// <summary>Reads one statement of an entity block, <c>b.Property&lt;string&gt;("Email").IsRequired();</c>; an owned type's block is added to <paramref name="owned"/>.</summary>
    private static void ReadCall(InvocationExpressionSyntax call, EntityBuilder entity, string? prefix, ref List<(EntityBuilder Shared, EntityBuilder Own)>? owned)
    {
        if (ChainRoot(call) is not { } root)
        {
            return;
        }

        var arguments = root.ArgumentList.Arguments;
        if (entity.Mapping.Read(Name(root), arguments))
        {
            return;
        }

        switch (Name(root))
        {
            case "Property" when arguments.Count >= 1 && StringLiteral(arguments[0].Expression) is { } property:
            {
                // Walked from the last call back to Property: the last HasColumnName written wins, the first IsRequired decides.
                var columnName = property;
                var hasExplicitName = false;
                InvocationExpressionSyntax? isRequired = null;
                for (var link = call; link != root; link = Previous(link))
                {
                    var name = Name(link);
                    if (name == "HasColumnName" && !hasExplicitName && link.ArgumentList.Arguments.Count == 1 && StringLiteral(link.ArgumentList.Arguments[0].Expression) is { } explicitName)
                    {
                        columnName = explicitName;
                        hasExplicitName = true;
                    }
                    else if (name == "IsRequired")
                    {
                        isRequired = link;
                    }
                }

                var mappedName = prefix is null || columnName != property ? columnName : prefix + "_" + property;
                if (prefix is null)
                {
                    entity.Columns[mappedName] = Nullability(root, isRequired);
                }
                else
                {
                    // An owned type's columns in the owner's table allow NULL when the owned part is optional: unknown here.
                    entity.AddColumn(mappedName);
                }

                break;
            }

            case "OwnsOne" or "OwnsMany" or "ComplexProperty" when arguments.Count >= 2 && arguments[arguments.Count - 1].Expression is LambdaExpressionSyntax nested:
            {
                // OwnsOne("Ns.Address", "ShippingAddress", b1 => …); ComplexProperty<…>("Address", "Ns.Customer.Address#Address", b1 => …).
                var navigation = Name(root) == "ComplexProperty" ? StringLiteral(arguments[0].Expression) : StringLiteral(arguments[1].Expression);
                var shared = new EntityBuilder(capacity: 0) { IsOwnedNested = true };
                ReadEntity(nested, shared, navigation is null ? prefix : prefix is null ? navigation : prefix + "_" + navigation);
                var own = new EntityBuilder(capacity: 0) { IsOwnedNested = true };
                ReadEntity(nested, own, prefix: null);
                (owned ??= new List<(EntityBuilder Shared, EntityBuilder Own)>()).Add((shared, own));
                break;
            }
        }
    }

    /// <summary>
    /// <c>b.Property&lt;string&gt;("Email").IsRequired()</c> → NOT NULL; <c>Property&lt;int?&gt;</c> or a reference type
    /// without <c>IsRequired()</c> → NULL; a value type → NOT NULL. Null when the type is not one the snapshot writes plainly.
    /// </summary>
    private static bool? Nullability(InvocationExpressionSyntax property, InvocationExpressionSyntax? isRequired)
    {
        if (isRequired is not null)
        {
            var arguments = isRequired.ArgumentList.Arguments;
            if (arguments.Count == 0)
            {
                return false;
            }

            return arguments[0].Expression.IsKind(SyntaxKind.FalseLiteralExpression) ? true
                : arguments[0].Expression.IsKind(SyntaxKind.TrueLiteralExpression) ? false
                : null;
        }

        if (property.Expression is not MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } || generic.TypeArgumentList.Arguments.Count != 1)
        {
            return null;
        }

        // Read from the type's syntax, not its text: this runs for every property of every Designer file.
        return generic.TypeArgumentList.Arguments[0] switch
        {
            NullableTypeSyntax => true,
            PredefinedTypeSyntax predefined when predefined.Keyword.IsKind(SyntaxKind.StringKeyword) => true,
            ArrayTypeSyntax { ElementType: PredefinedTypeSyntax element, RankSpecifiers.Count: 1 } array when element.Keyword.IsKind(SyntaxKind.ByteKeyword) && array.RankSpecifiers[0].Rank == 1 => true,
            PredefinedTypeSyntax predefined => ValueTypeKeywords.Contains(predefined.Keyword.Kind()) ? false : null,
            IdentifierNameSyntax { Identifier.ValueText: "Guid" or "DateTime" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" } => false,
            _ => null,
        };
    }

    private static readonly HashSet<SyntaxKind> ValueTypeKeywords = new HashSet<SyntaxKind>
    {
        SyntaxKind.BoolKeyword, SyntaxKind.ByteKeyword, SyntaxKind.SByteKeyword, SyntaxKind.ShortKeyword, SyntaxKind.UShortKeyword,
        SyntaxKind.IntKeyword, SyntaxKind.UIntKeyword, SyntaxKind.LongKeyword, SyntaxKind.ULongKeyword, SyntaxKind.FloatKeyword,
        SyntaxKind.DoubleKeyword, SyntaxKind.DecimalKeyword, SyntaxKind.CharKeyword,
    };

    /// <summary>
    /// <c>b.Property&lt;string&gt;("Email").IsRequired().HasColumnName("email")</c> → the <c>Property</c> call, the one on <c>b</c>;
    /// null when the chain does not start on a plain name. Walked without collecting the calls: this runs for every
    /// statement of every Designer file.
    /// </summary>
    private static InvocationExpressionSyntax? ChainRoot(InvocationExpressionSyntax last)
    {
        InvocationExpressionSyntax? root = null;
        ExpressionSyntax current = last;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            root = invocation;
            current = access.Expression;
        }

        return current is IdentifierNameSyntax ? root : null;
    }

    /// <summary>The call a link of a chain is made on (<c>.IsRequired()</c> → <c>b.Property&lt;string&gt;("Email")</c>); only for links after <see cref="ChainRoot"/>.</summary>
    private static InvocationExpressionSyntax Previous(InvocationExpressionSyntax link)
        => (InvocationExpressionSyntax)((MemberAccessExpressionSyntax)link.Expression).Expression;

    private static string? Name(InvocationExpressionSyntax invocation)
        => invocation.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : null;

    private static string? StringLiteral(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

    /// <summary>What an entity's blocks say: its columns, its mapping and the tables of its owned types.</summary>
    internal sealed class EntityBuilder
    {
        public EntityBuilder(int capacity)
        {
            Columns = new Dictionary<string, bool?>(capacity, StringComparer.OrdinalIgnoreCase);
        }

        private EntityBuilder(EntityBuilder source)
        {
            Columns = new Dictionary<string, bool?>(source.Columns, StringComparer.OrdinalIgnoreCase);
            SeparateTables.AddRange(source.SeparateTables);
            Mapping = source.Mapping.Copy();
            IsOwnedNested = source.IsOwnedNested;
        }

        /// <summary>
        /// Column → allows NULL (null: unknown). One dictionary for both, not a set of columns beside it: one is built
        /// for every entity of every Designer file.
        /// </summary>
        public Dictionary<string, bool?> Columns { get; }

        public List<(string? Schema, string Name, IEnumerable<string> Columns)> SeparateTables { get; } = new List<(string? Schema, string Name, IEnumerable<string> Columns)>();

        public EntityTableMapping Mapping { get; } = new EntityTableMapping();

        /// <summary>
        /// A copy to add to: the columns, mapping and list of separate tables are its own. The separate tables' column
        /// lists are shared, as nothing changes them once their block is read.
        /// </summary>
        public EntityBuilder Copy() => new EntityBuilder(this);

        /// <summary>
        /// Kept by an <see cref="EntityBlockMemo"/> and handed to every model whose Designer has the block's text: never
        /// changed, a model that adds to it adds to a <see cref="Copy"/>.
        /// </summary>
        public bool IsShared { get; private set; }

        private (string? Schema, string Name, bool SaysNullability, MappedTable Table)? _alone;

        /// <summary>This entity kept by the memo: shared from now on.</summary>
        internal EntityBuilder Share()
        {
            var kept = Copy();
            kept.IsShared = true;
            return kept;
        }

        /// <summary>
        /// The table this shared entity maps alone, made once for every model that has it: most tables of a Designer
        /// are, column for column, the tables of the one before. Shared too, so a model that adds to it copies it first.
        /// </summary>
        internal MappedTable AloneIn(string? schema, string name, bool saysNullability)
        {
            if (_alone is { } alone && alone.Schema == schema && alone.Name == name && alone.SaysNullability == saysNullability)
            {
                return alone.Table;
            }

            var table = MappedTable.Of(schema, name, Columns, saysNullability).Share();
            _alone = (schema, name, saysNullability, table);
            return table;
        }

        public bool IsOwnedNested { get; set; }

        /// <summary>Adds a column whose nullability is unknown, keeping what the entity already says of it.</summary>
        public void AddColumn(string column)
        {
            if (!Columns.ContainsKey(column))
            {
                Columns[column] = null;
            }
        }
    }
}

/// <summary>A table of a <see cref="TargetModel"/> and the columns mapped to it (compared case-insensitively).</summary>
internal sealed class MappedTable
{
    /// <summary>
    /// The columns, each with what the model says of its nullability: one table of both, as a model of a long history
    /// maps hundreds of tables and every Designer has one.
    /// </summary>
    private readonly Dictionary<string, Said> _columns;

    /// <summary>Made with its first columns, so the table is built at its size instead of growing.</summary>
    public MappedTable(string? schema, string name, IEnumerable<string> columns)
    {
        Schema = schema;
        Name = name;
        _columns = new Dictionary<string, Said>((columns as ICollection<string>)?.Count ?? 0, StringComparer.OrdinalIgnoreCase);
        AddColumns(columns);
    }

    private MappedTable(string? schema, string name, Dictionary<string, Said> columns)
    {
        Schema = schema;
        Name = name;
        _columns = columns;
    }

    /// <summary>What the model says of a column's nullability.</summary>
    private enum Said : byte
    {
        /// <summary>Nothing yet: the column came from a mapping that records no nullability (<see cref="AddColumns"/>).</summary>
        Nothing,
        AllowsNull,
        NotNull,

        /// <summary>An entity that does not say, or two that disagree: unknown for good.</summary>
        Unknown,
    }

    public string? Schema { get; }

    public string Name { get; }

    public IReadOnlyCollection<string> Columns => _columns.Keys;

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>Whether the model lets the column hold NULL; null when it does not say or its entities disagree.</summary>
    public bool? IsNullable(string column)
        => _columns.TryGetValue(column, out var said) ? said switch { Said.AllowsNull => true, Said.NotNull => false, _ => null } : null;

    /// <summary>Used by several models (see <see cref="TargetModel.EntityBuilder.AloneIn"/>): never changed, copied first.</summary>
    internal bool IsShared { get; private set; }

    /// <summary>A table of one entity's columns and what it says of their nullability.</summary>
    internal static MappedTable Of(string? schema, string name, Dictionary<string, bool?> columns, bool saysNullability)
    {
        var table = new MappedTable(schema, name, new Dictionary<string, Said>(columns.Count, StringComparer.OrdinalIgnoreCase));
        table.AddNullability(columns, saysNullability);
        return table;
    }

    internal MappedTable Share()
    {
        IsShared = true;
        return this;
    }

    /// <summary>A table of the same columns and nullability that is the caller's own to add to.</summary>
    internal MappedTable Copy() => new MappedTable(Schema, Name, new Dictionary<string, Said>(_columns, StringComparer.OrdinalIgnoreCase));

    internal void AddColumns(IEnumerable<string> columns)
    {
        foreach (var column in columns)
        {
            if (!_columns.ContainsKey(column))
            {
                _columns.Add(column, Said.Nothing);
            }
        }
    }

    /// <summary>
    /// Records what an entity says of its columns (column → allows NULL), adding those not mapped yet; without
    /// <paramref name="saysNullability"/>, that it does not say. Two entities sharing a column and disagreeing leave it unknown.
    /// </summary>
    internal void AddNullability(Dictionary<string, bool?> columns, bool saysNullability)
    {
        foreach (var pair in columns)
        {
            var said = !saysNullability || pair.Value is not { } nullable ? Said.Unknown : nullable ? Said.AllowsNull : Said.NotNull;
            _columns[pair.Key] = _columns.TryGetValue(pair.Key, out var earlier) && earlier != Said.Nothing && earlier != said ? Said.Unknown : said;
        }
    }
}
