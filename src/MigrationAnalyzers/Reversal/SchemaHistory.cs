using System;
using System.Collections.Generic;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Reversal;

/// <summary>
/// The schema as the migrations so far have shaped it: which operation defines each table, column, index, key and
/// sequence today, after later renames, alters and drops. Replaying history is how a Down recreates what Up drops
/// (the column type of a dropped column, the definition of a dropped table or index), facts Up itself lacks.
/// </summary>
internal sealed class SchemaHistory
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    private readonly Dictionary<string, TableState> _tables = new Dictionary<string, TableState>(Names);
    private readonly Dictionary<string, MigrationOperation> _sequences = new Dictionary<string, MigrationOperation>(Names);

    /// <summary>A deep copy: applying operations to it leaves this one as it is.</summary>
    public SchemaHistory Clone()
    {
        var copy = new SchemaHistory();
        foreach (var entry in _tables)
        {
            copy._tables.Add(entry.Key, entry.Value.Clone());
        }

        foreach (var entry in _sequences)
        {
            copy._sequences.Add(entry.Key, entry.Value);
        }

        return copy;
    }

    public TableState? FindTable(string? schema, string? name)
        => name is not null && _tables.TryGetValue(Key(schema, name), out var table) ? table : null;

    public MigrationOperation? FindSequence(string? schema, string? name)
        => name is not null && _sequences.TryGetValue(Key(schema, name), out var sequence) ? sequence : null;

    /// <summary>Applies one operation of Up, in history order.</summary>
    public void Apply(MigrationOperation operation)
    {
        var table = FindTable(operation.Schema, operation.Table);
        switch (operation.Kind)
        {
            case OperationKind.CreateTable when operation.Table is not null:
                var created = new TableState(operation.Table, operation.Schema, operation);
                foreach (var column in operation.ColumnDefinitions)
                {
                    if (column.Name is not null)
                    {
                        created.Columns.Add(new ColumnState(column.Name, column, operation));
                    }
                }

                foreach (var constraint in operation.Constraints)
                {
                    created.Keys.Add(new KeyState(constraint.Kind, constraint.Name, constraint, new List<string>(constraint.Columns)));
                }

                _tables[Key(operation.Schema, operation.Table)] = created;
                break;
            case OperationKind.DropTable when operation.Table is not null:
                _tables.Remove(Key(operation.Schema, operation.Table));
                break;
            case OperationKind.RenameTable when table is not null && operation.NewName is not null:
                _tables.Remove(Key(operation.Schema, operation.Table!));
                table.Name = operation.NewName;
                table.Schema = operation.NewSchema ?? operation.Schema;
                _tables[Key(table.Schema, table.Name)] = table;
                break;
            case OperationKind.AddColumn when table is not null && operation.Column is { Name: not null } added:
                table.Columns.RemoveAll(c => Names.Equals(c.Name, added.Name));
                table.Columns.Add(new ColumnState(added.Name!, added, operation));
                break;
            case OperationKind.DropColumn when table is not null:
                table.Columns.RemoveAll(c => Names.Equals(c.Name, operation.Name));
                break;
            case OperationKind.AlterColumn when table?.FindColumn(operation.Name) is { } altered && operation.Column is { } definition:
                altered.Definition = definition;
                altered.Source = operation;
                break;
            case OperationKind.RenameColumn when table is not null && operation.Name is not null && operation.NewName is not null:
                table.RenameColumn(operation.Name, operation.NewName);
                break;
            case OperationKind.CreateIndex when table is not null && operation.Name is not null:
                table.Indexes.RemoveAll(i => Names.Equals(i.Name, operation.Name));
                table.Indexes.Add(new IndexState(operation.Name, operation, new List<string>(operation.Columns)));
                break;
            case OperationKind.DropIndex:
                foreach (var candidate in CandidateTables(table))
                {
                    candidate.Indexes.RemoveAll(i => Names.Equals(i.Name, operation.Name));
                }

                break;
            case OperationKind.RenameIndex when operation.NewName is not null:
                foreach (var candidate in CandidateTables(table))
                {
                    if (candidate.FindIndex(operation.Name) is { } renamed)
                    {
                        renamed.Name = operation.NewName;
                    }
                }

                break;
            case OperationKind.AddPrimaryKey or OperationKind.AddForeignKey or OperationKind.AddUniqueConstraint or OperationKind.AddCheckConstraint
                when table is not null:
                table.Keys.RemoveAll(k => k.Name is not null && Names.Equals(k.Name, operation.Name));
                table.Keys.Add(new KeyState(operation.Kind, operation.Name, operation, new List<string>(operation.Columns)));
                break;
            case OperationKind.DropPrimaryKey or OperationKind.DropForeignKey or OperationKind.DropUniqueConstraint or OperationKind.DropCheckConstraint
                when table is not null:
                table.Keys.RemoveAll(k => k.Kind == AddKindOf(operation.Kind) && (operation.Name is null || Names.Equals(k.Name, operation.Name)));
                break;
            case OperationKind.CreateSequence when operation.Name is not null:
                _sequences[Key(operation.Schema, operation.Name)] = operation;
                break;
            case OperationKind.DropSequence when operation.Name is not null:
                _sequences.Remove(Key(operation.Schema, operation.Name));
                break;
            case OperationKind.RenameSequence when operation.Name is not null:
                // The definition keeps its old name; a rename after it cannot be expressed by replaying it. Forget it.
                _sequences.Remove(Key(operation.Schema, operation.Name));
                break;
        }
    }

    public static OperationKind AddKindOf(OperationKind dropKind) => dropKind switch
    {
        OperationKind.DropPrimaryKey => OperationKind.AddPrimaryKey,
        OperationKind.DropForeignKey => OperationKind.AddForeignKey,
        OperationKind.DropUniqueConstraint => OperationKind.AddUniqueConstraint,
        OperationKind.DropCheckConstraint => OperationKind.AddCheckConstraint,
        _ => OperationKind.Unknown,
    };

    private IEnumerable<TableState> CandidateTables(TableState? table)
        => table is not null ? new[] { table } : _tables.Values;

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

    private static string Key(string? schema, string name) => (schema ?? string.Empty) + "\u0001" + name;
}

internal sealed class TableState
{
    public TableState(string name, string? schema, MigrationOperation created)
    {
        Name = name;
        Schema = schema;
        Created = created;
    }

    public string Name { get; set; }

    public string? Schema { get; set; }

    /// <summary>The CreateTable that made it (its original name and options).</summary>
    public MigrationOperation Created { get; }

    public List<ColumnState> Columns { get; } = new List<ColumnState>();

    public List<IndexState> Indexes { get; } = new List<IndexState>();

    /// <summary>Primary, foreign, unique and check keys, whether declared in CreateTable or added later.</summary>
    public List<KeyState> Keys { get; } = new List<KeyState>();

    public TableState Clone()
    {
        var copy = new TableState(Name, Schema, Created);
        foreach (var column in Columns)
        {
            copy.Columns.Add(new ColumnState(column.Name, column.Definition, column.Source));
        }

        foreach (var index in Indexes)
        {
            copy.Indexes.Add(new IndexState(index.Name, index.Source, new List<string>(index.Columns)));
        }

        foreach (var key in Keys)
        {
            copy.Keys.Add(new KeyState(key.Kind, key.Name, key.Source, new List<string>(key.Columns)));
        }

        return copy;
    }

    public ColumnState? FindColumn(string? name) => Columns.Find(c => StringComparer.OrdinalIgnoreCase.Equals(c.Name, name));

    public IndexState? FindIndex(string? name) => name is null ? null : Indexes.Find(i => StringComparer.OrdinalIgnoreCase.Equals(i.Name, name));

    public KeyState? FindKey(OperationKind addKind, string? name)
        => Keys.Find(k => k.Kind == addKind && (name is null || StringComparer.OrdinalIgnoreCase.Equals(k.Name, name)));

    public void RenameColumn(string name, string newName)
    {
        if (FindColumn(name) is { } column)
        {
            column.Name = newName;
        }

        foreach (var index in Indexes)
        {
            Rename(index.Columns);
        }

        foreach (var key in Keys)
        {
            Rename(key.Columns);
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
    public ColumnState(string name, ColumnDefinition definition, MigrationOperation source)
    {
        Name = name;
        Definition = definition;
        Source = source;
    }

    /// <summary>The current name, after renames.</summary>
    public string Name { get; set; }

    /// <summary>The latest definition: from CreateTable, AddColumn or the last AlterColumn.</summary>
    public ColumnDefinition Definition { get; set; }

    public MigrationOperation Source { get; set; }
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
    public KeyState(OperationKind kind, string? name, MigrationOperation source, List<string> columns)
    {
        Kind = kind;
        Name = name;
        Source = source;
        Columns = columns;
    }

    /// <summary>AddPrimaryKey, AddForeignKey, AddUniqueConstraint or AddCheckConstraint.</summary>
    public OperationKind Kind { get; }

    public string? Name { get; }

    /// <summary>The Add… operation, or the constraint inside CreateTable (whose Statement is null).</summary>
    public MigrationOperation Source { get; }

    public List<string> Columns { get; }
}
