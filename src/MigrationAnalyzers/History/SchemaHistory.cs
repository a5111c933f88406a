using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.History;

/// <summary>
/// The schema as the migrations so far have shaped it: which operation defines each table, column, index, key and
/// sequence today, after later renames, alters and drops, and when (at which step of the history) each table and
/// column was created, renamed and backfilled. Replaying history is how a Down recreates what Up drops (the column
/// type of a dropped column, the definition of a dropped table or index), and how rules learn what a column really
/// was before an operation: the operation's own <c>old…</c> arguments are only what the scaffolder believed.
/// </summary>
internal sealed class SchemaHistory
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    private LayeredMap<TableState> _tables = new LayeredMap<TableState>(Names);
    private LayeredMap<MigrationOperation> _sequences = new LayeredMap<MigrationOperation>(Names);

    /// <summary>
    /// Tables the history changes but never creates (made by raw SQL or before the first migration): their columns'
    /// facts still count for rules, but a Down cannot rebuild them, so <see cref="FindTable"/> does not return them.
    /// </summary>
    private LayeredMap<TableState> _partialTables = new LayeredMap<TableState>(Names);

    /// <summary>
    /// The migrations by step, for <see cref="MigrationAt"/>: set on the copy a compilation's rules work on, never on a
    /// copy kept for every compilation of the same source (<see cref="SchemaTimeline"/>), which holds no symbol.
    /// </summary>
    private IReadOnlyList<MigrationInfo>? _migrations;

    /// <summary>The mark of the tables this schema alone holds and may change in place (<see cref="Own"/>).</summary>
    private object _ownership = new object();

    /// <summary>The index in the history (the number of migrations before it) of the migration whose operations are applied now; -1 before any.</summary>
    public int Step { get; private set; } = -1;

    /// <summary>The last step with an update whose table could not be read (it may have filled any column); -1 when none.</summary>
    public int UnknownUpdateStep { get; private set; } = -1;

    /// <summary>Starts applying the <paramref name="step"/>-th migration of the history.</summary>
    public void Enter(int step) => Step = step;

    /// <summary>Resolves steps with <paramref name="migrations"/>, the history in order (this copy's compilation's migrations).</summary>
    public void ResolveStepsWith(IReadOnlyList<MigrationInfo> migrations) => _migrations = migrations;

    /// <summary>The migration of a step (<see cref="TableState.CreatedAt"/>, <see cref="ColumnState.NamedAt"/> …); null for -1 or when steps are not resolved.</summary>
    public MigrationInfo? MigrationAt(int step)
        => step >= 0 && _migrations is not null && step < _migrations.Count ? _migrations[step] : null;

    /// <summary>
    /// A copy that applying operations to leaves this one as it is, and the other way round. The tables are shared until
    /// either changes one (<see cref="Own"/>), and the maps that hold them share their entries (<see cref="LayeredMap{TValue}"/>):
    /// every migration starts from a copy of the schema before it, and copying every table of a long history for each one
    /// cost more than replaying the few operations after the nearest checkpoint.
    /// </summary>
    public SchemaHistory Clone()
    {
        // This schema gives up its tables too, so a change it makes later copies the table first. Checkpoints are
        // cloned by several threads at once and never changed: any of the new marks does.
        _ownership = new object();
        return new SchemaHistory
        {
            _migrations = _migrations,
            Step = Step,
            UnknownUpdateStep = UnknownUpdateStep,
            _tables = _tables.Clone(),
            _partialTables = _partialTables.Clone(),
            _sequences = _sequences.Clone(),
        };
    }

    /// <summary>
    /// Makes later copies cheap (<see cref="LayeredMap{TValue}.Compact"/>): for a checkpoint of the timeline, before any
    /// other thread reads it.
    /// </summary>
    public void Compact()
    {
        _tables.Compact();
        _partialTables.Compact();
        _sequences.Compact();
    }

    /// <summary>
    /// <paramref name="table"/> as this schema may change it: its own copy, made on the first change, in place of a
    /// table it shares with the schema it was cloned from (a checkpoint other compilations read at the same time).
    /// </summary>
    private TableState Own(TableState table)
    {
        if (ReferenceEquals(table.Owner, _ownership))
        {
            return table;
        }

        var copy = table.Clone(_ownership);
        var tables = table.IsPartial ? _partialTables : _tables;
        var key = Key(table.Schema, table.Name);
        if (tables.TryGetValue(key, out var held) && ReferenceEquals(held, table))
        {
            tables.Set(key, copy);
        }

        return copy;
    }

    public TableState? FindTable(string? schema, string? name)
        => name is not null && _tables.TryGetValue(Key(schema, name), out var table) ? table : null;

    public MigrationOperation? FindSequence(string? schema, string? name)
        => name is not null && _sequences.TryGetValue(Key(schema, name), out var sequence) ? sequence : null;

    /// <summary>
    /// The table as rules compare names (a missing schema matches any), including tables the history only changes
    /// (<see cref="TableState.IsPartial"/>); null when the history does not know it.
    /// </summary>
    public TableState? FindTableFacts(string? schema, string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (FindTable(schema, name) is { } exact)
        {
            return exact;
        }

        if (_partialTables.TryGetValue(Key(schema, name), out var partial))
        {
            return partial;
        }

        foreach (var candidate in _tables.Values)
        {
            if (TableName.Matches(candidate.Schema, candidate.Name, schema, name))
            {
                return candidate;
            }
        }

        foreach (var candidate in _partialTables.Values)
        {
            if (TableName.Matches(candidate.Schema, candidate.Name, schema, name))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Applies one operation of Up, in history order.</summary>
    public void Apply(MigrationOperation operation)
    {
        var table = FindTable(operation.Schema, operation.Table) ?? PartialTable(operation);
        switch (operation.Kind)
        {
            case MigrationOperationKind.CreateTable when operation.Table is not null:
                var created = new TableState(operation.Table, operation.Schema, operation, Step) { Owner = _ownership };
                foreach (var column in operation.ColumnDefinitions)
                {
                    if (column.Name is not null)
                    {
                        created.Columns.Add(new ColumnState(column.Name, column, operation, Step));
                    }
                }

                foreach (var constraint in operation.Constraints)
                {
                    created.Keys.Add(new KeyState(constraint.Kind, constraint.Name, constraint, new List<string>(constraint.Columns)));
                }

                _partialTables.Remove(Key(operation.Schema, operation.Table));
                _tables.Set(Key(operation.Schema, operation.Table), created);
                break;
            case MigrationOperationKind.DropTable when operation.Table is not null:
                _tables.Remove(Key(operation.Schema, operation.Table));
                _partialTables.Remove(Key(operation.Schema, operation.Table));
                break;
            case MigrationOperationKind.RenameTable when table is not null && operation.NewName is not null:
                table = Own(table);
                var tables = table.IsPartial ? _partialTables : _tables;
                tables.Remove(Key(operation.Schema, operation.Table!));
                table.Name = operation.NewName;
                table.Schema = operation.NewSchema ?? operation.Schema;
                table.NamedAt = Step;
                tables.Set(Key(table.Schema, table.Name), table);
                break;
            case MigrationOperationKind.AddColumn when table is not null && operation.Column is { Name: not null } added:
                table = Own(table);
                table.Columns.RemoveAll(c => Names.Equals(c.Name, added.Name));
                table.Columns.Add(new ColumnState(added.Name!, added, operation, Step));
                break;
            case MigrationOperationKind.DropColumn when table is not null:
                table = Own(table);
                table.Columns.RemoveAll(c => Names.Equals(c.Name, operation.Name));
                // PostgreSQL drops a check on the column with it.
                table.NotNullChecks.RemoveAll(c => Names.Equals(c.Column, operation.Name));
                break;
            case MigrationOperationKind.AlterColumn when table is not null && operation.Name is not null && operation.Column is { } definition && ChangesDefinition(definition):
                table = Own(table);
                if (table.FindColumn(operation.Name) is not { } altered)
                {
                    // Added by raw SQL or before the history: the alter is the first definition on record.
                    table.Columns.Add(altered = new ColumnState(operation.Name, definition, operation, -1));
                }

                var wasNullable = altered.IsNullable;
                altered.Definition = definition;
                altered.NullableFromSql = null;
                altered.Source = operation;
                if (wasNullable == true && altered.IsNullable == false)
                {
                    // A successful change to NOT NULL leaves no NULL behind (filled from the default, or there were none).
                    altered.BackfilledAt = Step;
                }
                else if (wasNullable == false && altered.IsNullable == true)
                {
                    // NULLs can come back: an older backfill no longer vouches for the column.
                    altered.BackfilledAt = -1;
                }

                break;
            case MigrationOperationKind.RenameColumn when table is not null && operation.Name is not null && operation.NewName is not null:
                Own(table).RenameColumn(operation.Name, operation.NewName, Step);
                break;
            case MigrationOperationKind.UpdateData when operation.Table is null:
                UnknownUpdateStep = Step;
                break;
            case MigrationOperationKind.UpdateData when table is not null:
                foreach (var column in Own(table).Columns)
                {
                    if (operation.Columns.IsDefaultOrEmpty || operation.Columns.Contains(column.Name, Names))
                    {
                        column.BackfilledAt = Step;
                    }
                }

                break;
            case MigrationOperationKind.Sql when operation.SqlText is not null:
                MarkSqlBackfills(operation);
                ApplySqlCheckConstraints(operation);
                break;
            case MigrationOperationKind.AddCheckConstraint when operation.Name is not null && (table ?? PartialTable(operation.Schema, operation.Table, operation)) is { } found:
                // EF Core adds a check validated: the rows are checked when it is added.
                var checkedTable = Own(found);
                checkedTable.NotNullChecks.RemoveAll(c => Names.Equals(c.Name, operation.Name));
                if (operation.GetArgument("sql")?.StringValue is { } expression && NotNullCheckFinder.NotNullColumnOf(expression) is { } checkedColumn)
                {
                    AddNotNullCheck(checkedTable, operation.Name, checkedColumn, validated: true);
                }

                AddKey(checkedTable, operation);
                break;
            case MigrationOperationKind.DropCheckConstraint when (table ?? FindTableFacts(operation.Schema, operation.Table)) is { } dropFrom:
                var uncheckedTable = Own(dropFrom);
                uncheckedTable.NotNullChecks.RemoveAll(c => operation.Name is null || Names.Equals(c.Name, operation.Name));
                DropKey(uncheckedTable, operation);
                break;
            case MigrationOperationKind.CreateIndex when table is not null && operation.Name is not null:
                table = Own(table);
                table.Indexes.RemoveAll(i => Names.Equals(i.Name, operation.Name));
                table.Indexes.Add(new IndexState(operation.Name, operation, new List<string>(operation.Columns)));
                break;
            case MigrationOperationKind.DropIndex:
                foreach (var candidate in TablesWithIndex(table, operation.Name))
                {
                    Own(candidate).Indexes.RemoveAll(i => Names.Equals(i.Name, operation.Name));
                }

                break;
            case MigrationOperationKind.RenameIndex when operation.NewName is not null:
                foreach (var candidate in TablesWithIndex(table, operation.Name))
                {
                    Own(candidate).FindIndex(operation.Name)!.Name = operation.NewName;
                }

                break;
            case MigrationOperationKind.AddPrimaryKey or MigrationOperationKind.AddForeignKey or MigrationOperationKind.AddUniqueConstraint
                when table is not null:
                AddKey(Own(table), operation);
                break;
            case MigrationOperationKind.DropPrimaryKey or MigrationOperationKind.DropForeignKey or MigrationOperationKind.DropUniqueConstraint
                when table is not null:
                DropKey(Own(table), operation);
                break;
            case MigrationOperationKind.CreateSequence when operation.Name is not null:
                _sequences.Set(Key(operation.Schema, operation.Name), operation);
                break;
            case MigrationOperationKind.DropSequence when operation.Name is not null:
                _sequences.Remove(Key(operation.Schema, operation.Name));
                break;
            case MigrationOperationKind.RenameSequence when operation.Name is not null:
                // The definition keeps its old name; a rename after it cannot be expressed by replaying it. Forget it.
                _sequences.Remove(Key(operation.Schema, operation.Name));
                break;
        }
    }

    private static void AddKey(TableState table, MigrationOperation operation)
    {
        table.Keys.RemoveAll(k => k.Name is not null && Names.Equals(k.Name, operation.Name));
        table.Keys.Add(new KeyState(operation.Kind, operation.Name, operation, new List<string>(operation.Columns)));
    }

    private static void DropKey(TableState table, MigrationOperation operation)
        => table.Keys.RemoveAll(k => k.Kind == AddKindOf(operation.Kind) && (operation.Name is null || Names.Equals(k.Name, operation.Name)));

    /// <summary>
    /// Raw <c>ALTER TABLE … ADD CHECK (col IS NOT NULL) [NOT VALID]</c>, <c>VALIDATE CONSTRAINT</c> and <c>DROP CONSTRAINT</c>,
    /// in statement order: what PostgreSQL's SET NOT NULL can rely on instead of scanning the table.
    /// </summary>
    private void ApplySqlCheckConstraints(MigrationOperation operation)
    {
        foreach (var change in SqlCheckConstraints.Of(operation))
        {
            var dot = change.Table.LastIndexOf('.');
            var schema = dot < 0 ? null : change.Table.Substring(0, dot);
            var name = dot < 0 ? change.Table : change.Table.Substring(dot + 1);
            // A table the history does not know is kept without its schema: SQL often writes public."Users" where the
            // migration's own operations name no schema, and a null schema matches any.
            if ((FindTableFacts(schema, name) ?? PartialTable(null, name, operation)) is not { } found)
            {
                continue;
            }

            var table = Own(found);

            switch (change.Change)
            {
                case CheckConstraintChange.Added:
                    if (change.Name is not null)
                    {
                        table.NotNullChecks.RemoveAll(c => Names.Equals(c.Name, change.Name));
                    }

                    if (change.NotNullColumn is { } column)
                    {
                        AddNotNullCheck(table, change.Name, column, validated: !change.NotValid);
                    }

                    break;
                case CheckConstraintChange.Validated:
                    foreach (var check in table.NotNullChecks)
                    {
                        if (check.Name is not null && Names.Equals(check.Name, change.Name) && !check.IsValidated)
                        {
                            check.IsValidated = true;
                            MarkCheckedForNulls(table, check.Column);
                        }
                    }

                    break;
                case CheckConstraintChange.Dropped:
                    table.NotNullChecks.RemoveAll(c => c.Name is not null && Names.Equals(c.Name, change.Name));
                    break;
                case CheckConstraintChange.ColumnSetNotNull or CheckConstraintChange.ColumnDroppedNotNull
                    when change.NotNullColumn is { } changed && table.FindColumn(changed) is { } changedColumn:
                    // The same nullability change an AlterColumn makes, written in SQL (as MIG1050's FluentMigrator fix does).
                    var notNull = change.Change == CheckConstraintChange.ColumnSetNotNull;
                    if (changedColumn.IsNullable == notNull)
                    {
                        changedColumn.BackfilledAt = notNull ? Step : -1;
                    }

                    changedColumn.NullableFromSql = !notNull;
                    break;
            }
        }
    }

    private void AddNotNullCheck(TableState table, string? name, string column, bool validated)
    {
        table.NotNullChecks.Add(new NotNullCheckState(name, column, validated));
        if (validated)
        {
            MarkCheckedForNulls(table, column);
        }
    }

    /// <summary>A validated <c>col IS NOT NULL</c> check proves the rows have no NULL left, as a backfill would.</summary>
    private void MarkCheckedForNulls(TableState table, string column)
    {
        if (table.FindColumn(column) is { } checkedColumn)
        {
            checkedColumn.BackfilledAt = Step;
        }
    }

    /// <summary>The check constraint changes of an SQL operation, read once per operation (see <see cref="SqlUpdates"/>).</summary>
    private static class SqlCheckConstraints
    {
        private static readonly ConditionalWeakTable<MigrationOperation, Holder> Cache = new ConditionalWeakTable<MigrationOperation, Holder>();

        public static ImmutableArray<CheckConstraintStatement> Of(MigrationOperation operation)
            => Cache.GetValue(operation, Read).Changes;

        private static Holder Read(MigrationOperation operation)
            => new Holder(operation.SqlText is { } sql
                          && (sql.IndexOf("CHECK", StringComparison.OrdinalIgnoreCase) >= 0 || sql.IndexOf("CONSTRAINT", StringComparison.OrdinalIgnoreCase) >= 0
                              || sql.IndexOf("NULL", StringComparison.OrdinalIgnoreCase) >= 0)
                ? NotNullCheckFinder.Find(sql)
                : ImmutableArray<CheckConstraintStatement>.Empty);

        private sealed class Holder
        {
            public Holder(ImmutableArray<CheckConstraintStatement> changes) => Changes = changes;

            public ImmutableArray<CheckConstraintStatement> Changes { get; }
        }
    }

    public static MigrationOperationKind AddKindOf(MigrationOperationKind dropKind) => dropKind switch
    {
        MigrationOperationKind.DropPrimaryKey => MigrationOperationKind.AddPrimaryKey,
        MigrationOperationKind.DropForeignKey => MigrationOperationKind.AddForeignKey,
        MigrationOperationKind.DropUniqueConstraint => MigrationOperationKind.AddUniqueConstraint,
        MigrationOperationKind.DropCheckConstraint => MigrationOperationKind.AddCheckConstraint,
        _ => MigrationOperationKind.Unknown,
    };

    /// <summary>
    /// FluentMigrator reads <c>Delete.DefaultConstraint</c> as an AlterColumn without a type: it changes no definition.
    /// </summary>
    private static bool ChangesDefinition(ColumnDefinition definition)
        => !(definition.FluentType is null && definition.ClrTypeSyntax is null && definition.Arguments.IsEmpty);

    /// <summary>The table of a column change on a table the history never created, made on first use.</summary>
    private TableState? PartialTable(MigrationOperation operation)
    {
        if (operation.Table is not { } name
            || operation.Kind is not (MigrationOperationKind.AddColumn or MigrationOperationKind.AlterColumn or MigrationOperationKind.RenameColumn or MigrationOperationKind.DropColumn
                or MigrationOperationKind.UpdateData or MigrationOperationKind.RenameTable))
        {
            return null;
        }

        if (_partialTables.TryGetValue(Key(operation.Schema, name), out var partial))
        {
            return partial;
        }

        if (operation.Kind is not (MigrationOperationKind.AddColumn or MigrationOperationKind.AlterColumn))
        {
            return null;
        }

        partial = new TableState(name, operation.Schema, operation, -1) { IsPartial = true, Owner = _ownership };
        _partialTables.Set(Key(operation.Schema, name), partial);
        return partial;
    }

    /// <summary>A table a check constraint is added to (or validated on) that the history never created: its facts count once its column is changed.</summary>
    private TableState? PartialTable(string? schema, string? name, MigrationOperation operation)
    {
        if (name is null)
        {
            return null;
        }

        if (!_partialTables.TryGetValue(Key(schema, name), out var partial))
        {
            partial = new TableState(name, schema, operation, -1) { IsPartial = true, Owner = _ownership };
            _partialTables.Set(Key(schema, name), partial);
        }

        return partial;
    }

    /// <summary>Raw <c>UPDATE t SET …</c>: every column of t that the SQL names counts as filled.</summary>
    private void MarkSqlBackfills(MigrationOperation operation)
    {
        var updates = SqlUpdates.Of(operation);
        foreach (var updated in updates.Tables)
        {
            if (FindTableFacts(null, updated) is not { } table)
            {
                continue;
            }

            foreach (var column in Own(table).Columns)
            {
                if (updates.Names.Contains(column.Name))
                {
                    column.BackfilledAt = Step;
                }
            }
        }
    }

    /// <summary>
    /// What an SQL operation updates, read once per operation: checkpoints and migrations replay the same earlier
    /// migrations many times, and tokenizing their scripts each time would cost more than the replay itself.
    /// </summary>
    private sealed class SqlUpdates
    {
        private static readonly SqlUpdates None = new SqlUpdates(new List<string>(), new HashSet<string>());
        private static readonly ConditionalWeakTable<MigrationOperation, SqlUpdates> Cache = new ConditionalWeakTable<MigrationOperation, SqlUpdates>();

        private SqlUpdates(List<string> tables, HashSet<string> names)
        {
            Tables = tables;
            Names = names;
        }

        /// <summary>The updated tables' own names (without schema).</summary>
        public List<string> Tables { get; }

        /// <summary>Every name the SQL mentions outside comments and strings, compared case-insensitively.</summary>
        public HashSet<string> Names { get; }

        public static SqlUpdates Of(MigrationOperation operation) => Cache.GetValue(operation, Read);

        private static SqlUpdates Read(MigrationOperation operation)
        {
            if (operation.SqlText is not { } sql || sql.IndexOf("UPDATE", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return None;
            }

            var tokens = SqlTokenizer.Tokenize(sql);
            var tables = new List<string>();
            foreach (var updated in Backfill.UpdatedTables(tokens))
            {
                var dot = updated.LastIndexOf('.');
                tables.Add(dot < 0 ? updated : updated.Substring(dot + 1));
            }

            if (tables.Count == 0)
            {
                return None;
            }

            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var token in tokens)
            {
                if (token.IsName)
                {
                    names.Add(token.Value);
                }
            }

            return new SqlUpdates(tables, names);
        }
    }

    private IEnumerable<TableState> CandidateTables(TableState? table)
        => table is not null ? new[] { table } : _tables.Values;

    /// <summary>The candidate tables that hold index <paramref name="name"/>, gathered before any of them is changed.</summary>
    private List<TableState> TablesWithIndex(TableState? table, string? name)
    {
        var found = new List<TableState>();
        foreach (var candidate in CandidateTables(table))
        {
            if (candidate.FindIndex(name) is not null)
            {
                found.Add(candidate);
            }
        }

        return found;
    }

    /// <summary>Finds an index by name when the drop does not say its table (EF Core's DropIndex may omit it).</summary>
    public (TableState Table, IndexState Index)? FindIndex(string? schema, string? table, string? name)
    {
        foreach (var candidate in CandidateTables(FindTable(schema, table)))
        {
            if (candidate.FindIndex(name) is { } index)
            {
                return (candidate, index);
            }
        }

        return null;
    }

    /// <summary>
    /// The name alone without a schema (no string is made for the commonest lookup), else both around a character no
    /// name holds.
    /// </summary>
    private static string Key(string? schema, string name) => string.IsNullOrEmpty(schema) ? name : schema + "\u0001" + name;
}

internal sealed class TableState
{
    public TableState(string name, string? schema, MigrationOperation created, int createdAt)
    {
        Name = name;
        Schema = schema;
        Created = created;
        CreatedAt = createdAt;
        NamedAt = createdAt;
    }

    public string Name { get; set; }

    public string? Schema { get; set; }

    /// <summary>The CreateTable that made it (its original name and options); for a partial table, its first change.</summary>
    public MigrationOperation Created { get; }

    /// <summary>The step of the migration that created it (<see cref="SchemaHistory.MigrationAt"/>); -1 when the history does not show it (a partial table).</summary>
    public int CreatedAt { get; }

    /// <summary>The step since which it has its current name (creation or last rename); -1 when unknown.</summary>
    public int NamedAt { get; set; }

    /// <summary>Known only from changes to it, never created in the history: a Down cannot rebuild it.</summary>
    public bool IsPartial { get; set; }

    public List<ColumnState> Columns { get; } = new List<ColumnState>();

    public List<IndexState> Indexes { get; } = new List<IndexState>();

    /// <summary>Primary, foreign, unique and check keys, whether declared in CreateTable or added later.</summary>
    public List<KeyState> Keys { get; } = new List<KeyState>();

    /// <summary>Check constraints whose whole expression is <c>column IS NOT NULL</c>, added by EF Core or raw SQL.</summary>
    public List<NotNullCheckState> NotNullChecks { get; } = new List<NotNullCheckState>();

    /// <summary>The mark of the one schema that may change this table in place; any other copies it first (<see cref="SchemaHistory.Clone"/>).</summary>
    public object? Owner { get; set; }

    /// <summary>A deep copy, marked as <paramref name="owner"/>'s.</summary>
    public TableState Clone(object owner)
    {
        var copy = new TableState(Name, Schema, Created, CreatedAt) { NamedAt = NamedAt, IsPartial = IsPartial, Owner = owner };
        foreach (var column in Columns)
        {
            copy.Columns.Add(column.Clone());
        }

        foreach (var index in Indexes)
        {
            copy.Indexes.Add(new IndexState(index.Name, index.Source, new List<string>(index.Columns)));
        }

        foreach (var key in Keys)
        {
            copy.Keys.Add(new KeyState(key.Kind, key.Name, key.Source, new List<string>(key.Columns)));
        }

        foreach (var check in NotNullChecks)
        {
            copy.NotNullChecks.Add(new NotNullCheckState(check.Name, check.Column, check.IsValidated));
        }

        return copy;
    }

    public ColumnState? FindColumn(string? name) => Columns.Find(c => StringComparer.OrdinalIgnoreCase.Equals(c.Name, name));

    public IndexState? FindIndex(string? name) => name is null ? null : Indexes.Find(i => StringComparer.OrdinalIgnoreCase.Equals(i.Name, name));

    public KeyState? FindKey(MigrationOperationKind addKind, string? name)
        => Keys.Find(k => k.Kind == addKind && (name is null || StringComparer.OrdinalIgnoreCase.Equals(k.Name, name)));

    public void RenameColumn(string name, string newName, int step)
    {
        if (FindColumn(name) is { } column)
        {
            column.Name = newName;
            column.NamedAt = step;
        }

        foreach (var index in Indexes)
        {
            Rename(index.Columns);
        }

        foreach (var key in Keys)
        {
            Rename(key.Columns);
        }

        // PostgreSQL's check expressions follow a column rename.
        foreach (var check in NotNullChecks)
        {
            if (StringComparer.OrdinalIgnoreCase.Equals(check.Column, name))
            {
                check.Column = newName;
            }
        }

        void Rename(List<string> columns)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (StringComparer.OrdinalIgnoreCase.Equals(columns[i], name))
                {
                    columns[i] = newName;
                }
            }
        }
    }
}

internal sealed class ColumnState
{
    public ColumnState(string name, ColumnDefinition definition, MigrationOperation source, int addedAt)
    {
        Name = name;
        Definition = definition;
        Source = source;
        AddedAt = addedAt;
        NamedAt = addedAt;
    }

    /// <summary>The current name, after renames.</summary>
    public string Name { get; set; }

    /// <summary>The latest definition: from CreateTable, AddColumn or the last AlterColumn.</summary>
    public ColumnDefinition Definition { get; set; }

    public MigrationOperation Source { get; set; }

    /// <summary>The step of the migration whose CreateTable or AddColumn made it (<see cref="SchemaHistory.MigrationAt"/>); -1 when the history does not show it.</summary>
    public int AddedAt { get; }

    /// <summary>The step since which it has its current name (its addition or last rename); -1 when unknown.</summary>
    public int NamedAt { get; set; }

    /// <summary>The last step that filled its NULLs (UPDATE, UpdateData, a change to NOT NULL); -1 when none since it was added.</summary>
    public int BackfilledAt { get; set; } = -1;

    /// <summary>Raw SQL's <c>SET NOT NULL</c> (false) or <c>DROP NOT NULL</c> (true) since <see cref="Definition"/>; null when none.</summary>
    public bool? NullableFromSql { get; set; }

    /// <summary>
    /// Whether it allows NULL, with each framework's default applied: EF Core's <c>nullable</c> defaults to false
    /// (for every CLR type), FluentMigrator's columns are NOT NULL unless <c>Nullable()</c>; raw SQL that set or dropped
    /// NOT NULL since then wins. Null when not constant.
    /// </summary>
    public bool? IsNullable
        => NullableFromSql ?? (Source.Framework == MigrationFramework.EntityFrameworkCore
            ? Definition.GetArgument("nullable") is { } nullable ? nullable.BoolValue : Source.HasMethod ? false : null
            : Definition.IsNullable ?? false);

    public ColumnState Clone()
        => new ColumnState(Name, Definition, Source, AddedAt) { NamedAt = NamedAt, BackfilledAt = BackfilledAt, NullableFromSql = NullableFromSql };
}

internal sealed class IndexState
{
    public IndexState(string name, MigrationOperation source, List<string> columns)
    {
        Name = name;
        Source = source;
        Columns = columns;
    }

    public string Name { get; set; }

    public MigrationOperation Source { get; }

    /// <summary>Current column names, after renames.</summary>
    public List<string> Columns { get; }
}

internal sealed class KeyState
{
    public KeyState(MigrationOperationKind kind, string? name, MigrationOperation source, List<string> columns)
    {
        Kind = kind;
        Name = name;
        Source = source;
        Columns = columns;
    }

    /// <summary>AddPrimaryKey, AddForeignKey, AddUniqueConstraint or AddCheckConstraint.</summary>
    public MigrationOperationKind Kind { get; }

    public string? Name { get; }

    /// <summary>The Add… operation, or the constraint inside CreateTable (whose Statement is null).</summary>
    public MigrationOperation Source { get; }

    public List<string> Columns { get; }
}

/// <summary>A check constraint <c>CHECK (column IS NOT NULL)</c>: once validated, PostgreSQL 12+ makes the column NOT NULL without scanning.</summary>
internal sealed class NotNullCheckState
{
    public NotNullCheckState(string? name, string column, bool isValidated)
    {
        Name = name;
        Column = column;
        IsValidated = isValidated;
    }

    /// <summary>Null when the SQL named none (then it cannot be validated or dropped by a name the history knows).</summary>
    public string? Name { get; }

    /// <summary>The current column name, after renames.</summary>
    public string Column { get; set; }

    /// <summary>Added without NOT VALID, or VALIDATE CONSTRAINT ran since: every row was checked.</summary>
    public bool IsValidated { get; set; }
}
