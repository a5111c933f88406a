using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MigrationAnalyzers.Corpus;

/// <summary>
/// One FluentMigrator history: <c>[Migration(version)]</c> classes deriving from Migration, AutoReversingMigration,
/// ForwardOnlyMigration or a user base class, with fluent chains of every kind (Create/Alter/Delete/Rename/Insert/Update/Execute, IfDatabase).
/// </summary>
internal sealed class FluentMigratorHistory
{
    private readonly Random _random;
    private readonly Schema _schema;
    private readonly string _namespace;
    private readonly string _folder;
    private readonly HashSet<string> _classNames = new HashSet<string>(StringComparer.Ordinal);
    private long _version;
    private int _sequenceCounter;

    public FluentMigratorHistory(Random random, int index, long firstVersion)
    {
        _random = random;
        var module = "Billing" + index.ToString(CultureInfo.InvariantCulture);
        _namespace = "Shop." + module + ".Migrations";
        _folder = "src/Shop." + module + "/Migrations";
        _schema = new Schema(random, "b" + index.ToString(CultureInfo.InvariantCulture));
        _version = firstVersion;
    }

    /// <summary>The team's own base class, as many FluentMigrator users have.</summary>
    public CorpusFile BaseClass()
    {
        var w = new CodeWriter();
        w.Line("using FluentMigrator;").Line();
        w.Open($"namespace {_namespace}");
        w.Line("/// <summary>Base of this module's migrations: one place for the schema name.</summary>");
        w.Open("public abstract class ModuleMigration : Migration");
        w.Line($"protected const string SchemaName = \"{_schema.SchemaName}\";");
        w.Close();
        w.Close();
        return new CorpusFile($"{_folder}/ModuleMigration.cs", w.ToString());
    }

    private sealed record Step(string Title, Action<CodeWriter> Up, Action<CodeWriter>? Down, bool AutoReversible);

    public CorpusFile AddMigration()
    {
        _version += _random.Next(1, 500);
        var steps = new List<Step>();
        if (_schema.Tables.Count == 0)
        {
            steps.Add(new Step("CreateSchema", w => w.Line($"Create.Schema(\"{S}\");").Line(), w => w.Line($"Delete.Schema(\"{S}\");"), true));
            steps.Add(CreateTable());
        }
        else
        {
            var count = 1 + _random.Next(3);
            for (var i = 0; i < count; i++)
            {
                steps.Add(NextStep());
            }
        }

        var name = steps[0].Title;
        for (var i = 2; !_classNames.Add(name); i++)
        {
            name = steps[0].Title + i.ToString(CultureInfo.InvariantCulture);
        }

        var w = new CodeWriter();
        w.Line("using System;").Line("using System.Data;").Line("using FluentMigrator;").Line();
        w.Open($"namespace {_namespace}");
        var noTransaction = _random.Next(40) == 0;
        w.Line(noTransaction
            ? $"[Migration({_version}, TransactionBehavior.None)]"
            : $"[Migration({_version}, \"{name}\")]");

        var roll = _random.Next(100);
        if (roll < 12 && steps.All(s => s.AutoReversible))
        {
            w.Open($"public class {name} : AutoReversingMigration");
            WriteMethod(w, "Up", steps, s => s.Up);
            w.Close();
        }
        else if (roll < 16)
        {
            w.Open($"public class {name} : ForwardOnlyMigration");
            WriteMethod(w, "Up", steps, s => s.Up);
            w.Close();
        }
        else
        {
            w.Open($"public class {name} : {(roll < 30 ? "ModuleMigration" : "Migration")}");
            WriteMethod(w, "Up", steps, s => s.Up);
            w.Line();
            if (roll < 33)
            {
                // A Down that gives up, as real histories have.
                w.Open("public override void Down()").Line("throw new NotSupportedException(\"This migration cannot be undone.\");").Close();
            }
            else
            {
                var reversed = Enumerable.Reverse(steps).ToList();
                WriteMethod(w, "Down", reversed, s => s.Down);
            }

            w.Close();
        }

        w.Close();
        return new CorpusFile($"{_folder}/M{_version}_{name}.cs", w.ToString());
    }

    private static void WriteMethod(CodeWriter w, string method, List<Step> steps, Func<Step, Action<CodeWriter>?> body)
    {
        w.Open($"public override void {method}()");
        foreach (var step in steps)
        {
            body(step)?.Invoke(w);
        }

        w.Close();
    }

    private string S => _schema.SchemaName;

    private Step NextStep()
    {
        var table = _schema.AnyTable()!;
        return _random.Next(100) switch
        {
            < 14 => CreateTable(),
            < 26 => AlterTableAddColumn(table),
            < 32 => CreateColumn(table),
            < 38 => DeleteColumn(table),
            < 44 => AlterColumn(table),
            < 49 => RenameColumn(table),
            < 51 => RenameTable(table),
            < 59 => CreateIndex(table),
            < 64 => CreateForeignKey(table),
            < 70 => InsertRows(table),
            < 74 => UpdateRows(table),
            < 80 => ExecuteSql(table),
            < 82 => ExecuteScript(),
            < 84 => CreateSequence(),
            < 87 => CreateUniqueConstraint(table),
            < 89 => DeleteDefaultConstraint(table),
            < 92 => DatabaseSpecific(table),
            < 94 => AlterTableAlterColumn(table),
            _ => AlterTableAddColumn(table),
        };
    }

    private Step CreateTable()
    {
        var table = new Table(_schema.NewTableName(), S);
        table.Columns.Add(new Column("Id", ColumnType.Int, false));
        var count = 2 + _random.Next(5);
        for (var i = 0; i < count; i++)
        {
            table.Columns.Add(_schema.NewColumn(table));
        }

        var principal = _schema.AnyTable();
        _schema.Tables.Add(table);
        var columns = table.Columns.ToList();
        return new Step("Create" + table.Name, w =>
        {
            w.Line($"Create.Table(\"{table.Name}\").InSchema(\"{S}\")").Indent();
            w.Line(".WithColumn(\"Id\").AsInt32().NotNullable().PrimaryKey().Identity()");
            foreach (var column in columns.Skip(1))
            {
                var tail = column.Nullable ? ".Nullable()" : _random.Next(2) == 0 ? $".NotNullable().WithDefaultValue({ColumnTypes.DefaultValue(column.Type)})" : ".NotNullable()";
                w.Line($".WithColumn(\"{column.Name}\").{ColumnTypes.Fluent(column)}{tail}");
            }

            if (principal is not null)
            {
                w.Line($".WithColumn(\"{principal.EntityName}Id\").AsInt32().Nullable().ForeignKey(\"FK_{table.Name}_{principal.Name}\", \"{S}\", \"{principal.Name}\", \"Id\").Indexed()");
            }

            w.Line($".WithColumn(\"CreatedAt\").AsDateTime().NotNullable().WithDefault(SystemMethods.CurrentUTCDateTime);").Outdent().Line();
        }, w => w.Line($"Delete.Table(\"{table.Name}\").InSchema(\"{S}\");"), true);
    }

    private Step AlterTableAddColumn(Table table)
    {
        var column = _schema.NewColumn(table);
        table.Columns.Add(column);
        var tail = column.Nullable ? ".Nullable()" : _random.Next(4) > 0 ? $".NotNullable().WithDefaultValue({ColumnTypes.DefaultValue(column.Type)})" : ".NotNullable()";
        var name = table.Name;
        return new Step($"Add{column.Name}To{name}",
            w => w.Line($"Alter.Table(\"{name}\").InSchema(\"{S}\")").Indent().Line($".AddColumn(\"{column.Name}\").{ColumnTypes.Fluent(column)}{tail};").Outdent().Line(),
            w => w.Line($"Delete.Column(\"{column.Name}\").FromTable(\"{name}\").InSchema(\"{S}\");"), true);
    }

    private Step CreateColumn(Table table)
    {
        var column = _schema.NewColumn(table, nullable: true);
        table.Columns.Add(column);
        var name = table.Name;
        return new Step($"Create{column.Name}On{name}",
            w => w.Line($"Create.Column(\"{column.Name}\").OnTable(\"{name}\").InSchema(\"{S}\").{ColumnTypes.Fluent(column)}.Nullable();").Line(),
            w => w.Line($"Delete.Column(\"{column.Name}\").FromTable(\"{name}\").InSchema(\"{S}\");"), true);
    }

    private Step DeleteColumn(Table table)
    {
        var column = _schema.AnyPlainColumn(table);
        if (column is null)
        {
            return CreateColumn(table);
        }

        table.Columns.Remove(column);
        var name = table.Name;
        return new Step($"Drop{column.Name}From{name}",
            w => w.Line($"Delete.Column(\"{column.Name}\").FromTable(\"{name}\").InSchema(\"{S}\");").Line(),
            w => w.Line($"Create.Column(\"{column.Name}\").OnTable(\"{name}\").InSchema(\"{S}\").{ColumnTypes.Fluent(column)}.Nullable();"), false);
    }

    private Step AlterColumn(Table table)
    {
        var column = _schema.AnyPlainColumn(table);
        if (column is null || column.Type != ColumnType.String)
        {
            return AlterTableAddColumn(table);
        }

        var widened = column with { MaxLength = (column.MaxLength ?? 100) * 2, Nullable = true };
        table.Columns[table.Columns.IndexOf(column)] = widened;
        var name = table.Name;
        return new Step($"Widen{column.Name}On{name}",
            w => w.Line($"Alter.Column(\"{column.Name}\").OnTable(\"{name}\").InSchema(\"{S}\").{ColumnTypes.Fluent(widened)}.Nullable();").Line(),
            w => w.Line($"Alter.Column(\"{column.Name}\").OnTable(\"{name}\").InSchema(\"{S}\").{ColumnTypes.Fluent(column)}{(column.Nullable ? ".Nullable()" : ".NotNullable()")};"), false);
    }

    private Step AlterTableAlterColumn(Table table)
    {
        var column = table.Columns.Skip(1).FirstOrDefault(c => c.Type == ColumnType.Int);
        if (column is null)
        {
            return AlterTableAddColumn(table);
        }

        var widened = column with { Type = ColumnType.Long };
        table.Columns[table.Columns.IndexOf(column)] = widened;
        var name = table.Name;
        return new Step($"Widen{column.Name}To64On{name}",
            w => w.Line($"Alter.Table(\"{name}\").InSchema(\"{S}\")").Indent().Line($".AlterColumn(\"{column.Name}\").AsInt64(){(column.Nullable ? ".Nullable()" : ".NotNullable()")};").Outdent().Line(),
            w => w.Line($"Alter.Table(\"{name}\").InSchema(\"{S}\").AlterColumn(\"{column.Name}\").AsInt32(){(column.Nullable ? ".Nullable()" : ".NotNullable()")};"), false);
    }

    private Step RenameColumn(Table table)
    {
        var column = _schema.AnyPlainColumn(table);
        if (column is null)
        {
            return CreateColumn(table);
        }

        var renamed = column with { Name = _schema.NewColumnName(table) };
        table.Columns[table.Columns.IndexOf(column)] = renamed;
        var name = table.Name;
        return new Step($"Rename{column.Name}On{name}",
            w => w.Line($"Rename.Column(\"{column.Name}\").OnTable(\"{name}\").InSchema(\"{S}\").To(\"{renamed.Name}\");").Line(),
            w => w.Line($"Rename.Column(\"{renamed.Name}\").OnTable(\"{name}\").InSchema(\"{S}\").To(\"{column.Name}\");"), true);
    }

    private Step RenameTable(Table table)
    {
        var from = table.Name;
        var to = _schema.NewTableName();
        table.Name = to;
        return new Step($"Rename{from}To{to}",
            w => w.Line($"Rename.Table(\"{from}\").InSchema(\"{S}\").To(\"{to}\");").Line(),
            w => w.Line($"Rename.Table(\"{to}\").InSchema(\"{S}\").To(\"{from}\");"), true);
    }

    private Step CreateIndex(Table table)
    {
        var column = _schema.AnyPlainColumn(table);
        var name = column is null ? null : $"IX_{table.Name}_{column.Name}";
        if (column is null || table.Indexes.Contains(name!))
        {
            return CreateColumn(table);
        }

        table.Indexes.Add(name!);
        var tableName = table.Name;
        var unique = _random.Next(3) == 0;
        return new Step($"Index{tableName}{column.Name}", w =>
        {
            w.Line($"Create.Index(\"{name}\").OnTable(\"{tableName}\").InSchema(\"{S}\")").Indent()
                .Line($".OnColumn(\"{column.Name}\").Ascending()")
                .Line(unique ? ".WithOptions().Unique();" : ".OnColumn(\"Id\").Descending();").Outdent().Line();
        }, w => w.Line($"Delete.Index(\"{name}\").OnTable(\"{tableName}\").InSchema(\"{S}\");"), true);
    }

    private Step CreateForeignKey(Table table)
    {
        var principal = _schema.AnyTable(t => t != table);
        if (principal is null)
        {
            return CreateColumn(table);
        }

        var column = new Column(principal.EntityName + "Ref" + table.Columns.Count.ToString(CultureInfo.InvariantCulture), ColumnType.Int, true);
        table.Columns.Add(column);
        var name = $"FK_{table.Name}_{principal.Name}_{column.Name}";
        var tableName = table.Name;
        var principalName = principal.Name;
        return new Step($"Link{tableName}To{principalName}", w =>
        {
            w.Line($"Create.Column(\"{column.Name}\").OnTable(\"{tableName}\").InSchema(\"{S}\").AsInt32().Nullable();");
            w.Line($"Create.ForeignKey(\"{name}\")").Indent()
                .Line($".FromTable(\"{tableName}\").InSchema(\"{S}\").ForeignColumn(\"{column.Name}\")")
                .Line($".ToTable(\"{principalName}\").InSchema(\"{S}\").PrimaryColumn(\"Id\")")
                .Line(".OnDelete(Rule.SetNull);").Outdent().Line();
        }, w =>
        {
            w.Line($"Delete.ForeignKey(\"{name}\").OnTable(\"{tableName}\").InSchema(\"{S}\");");
            w.Line($"Delete.Column(\"{column.Name}\").FromTable(\"{tableName}\").InSchema(\"{S}\");");
        }, false);
    }

    private Step InsertRows(Table table)
    {
        var column = table.Columns.Skip(1).FirstOrDefault(c => !c.Nullable);
        if (column is null)
        {
            return CreateColumn(table);
        }

        var name = table.Name;
        var seed = 1 + _random.Next(500);
        return new Step($"Seed{name}", w =>
        {
            w.Line($"Insert.IntoTable(\"{name}\").InSchema(\"{S}\")").Indent()
                .Line($".Row(new {{ {column.Name} = {ColumnTypes.SampleValue(column.Type, seed)} }})")
                .Line($".Row(new {{ {column.Name} = {ColumnTypes.SampleValue(column.Type, seed + 1)} }});").Outdent().Line();
        }, w => w.Line($"Delete.FromTable(\"{name}\").InSchema(\"{S}\").Row(new {{ {column.Name} = {ColumnTypes.SampleValue(column.Type, seed)} }}).Row(new {{ {column.Name} = {ColumnTypes.SampleValue(column.Type, seed + 1)} }});"), false);
    }

    private Step UpdateRows(Table table)
    {
        var column = table.Columns.Skip(1).FirstOrDefault(c => c.Type == ColumnType.String);
        if (column is null)
        {
            return CreateColumn(table);
        }

        var name = table.Name;
        var all = _random.Next(2) == 0;
        return new Step($"Update{name}{column.Name}",
            w => w.Line($"Update.Table(\"{name}\").InSchema(\"{S}\").Set(new {{ {column.Name} = \"Updated\" }}){(all ? ".AllRows()" : ".Where(new { Id = 1 })")};").Line(),
            w => w.Line($"Update.Table(\"{name}\").InSchema(\"{S}\").Set(new {{ {column.Name} = \"Original\" }}){(all ? ".AllRows()" : ".Where(new { Id = 1 })")};"), false);
    }

    private Step ExecuteSql(Table table)
    {
        var name = table.Name;
        return new Step($"Backfill{name}",
            w => w.Line($"Execute.Sql(\"UPDATE {S}.{name} SET Id = Id WHERE Id < 0\");").Line(),
            w => w.Line("// Nothing to undo: the backfill is idempotent."), false);
    }

    private Step ExecuteScript()
    {
        var script = "Scripts/" + _version.ToString(CultureInfo.InvariantCulture) + ".sql";
        return _random.Next(2) == 0
            ? new Step("RunScript", w => w.Line($"Execute.Script(\"{script}\");").Line(), null, false)
            : new Step("RunWithConnection", w => w.Line("Execute.WithConnection((connection, transaction) =>").Line("{").Indent()
                .Line("using var command = connection.CreateCommand();").Line("command.Transaction = transaction;")
                .Line($"command.CommandText = \"SELECT COUNT(*) FROM {S}.Users\";").Line("command.ExecuteScalar();").Outdent().Line("});").Line(), null, false);
    }

    private Step CreateSequence()
    {
        var name = "Numbers" + (++_sequenceCounter).ToString(CultureInfo.InvariantCulture);
        return new Step($"Create{name}",
            w => w.Line($"Create.Sequence(\"{name}\").InSchema(\"{S}\").StartWith(1000).IncrementBy(1);").Line(),
            w => w.Line($"Delete.Sequence(\"{name}\").InSchema(\"{S}\");"), true);
    }

    private Step CreateUniqueConstraint(Table table)
    {
        var column = _schema.AnyPlainColumn(table);
        if (column is null)
        {
            return CreateColumn(table);
        }

        var name = $"UC_{table.Name}_{column.Name}_{table.Columns.Count}";
        var tableName = table.Name;
        return new Step($"Unique{tableName}{column.Name}",
            w => w.Line($"Create.UniqueConstraint(\"{name}\").OnTable(\"{tableName}\").WithSchema(\"{S}\").Column(\"{column.Name}\");").Line(),
            w => w.Line($"Delete.UniqueConstraint(\"{name}\").FromTable(\"{tableName}\").InSchema(\"{S}\");"), true);
    }

    private Step DeleteDefaultConstraint(Table table)
    {
        var column = _schema.AnyPlainColumn(table);
        if (column is null)
        {
            return CreateColumn(table);
        }

        var name = table.Name;
        return new Step($"DropDefault{column.Name}On{name}",
            w => w.Line($"Delete.DefaultConstraint().OnTable(\"{name}\").InSchema(\"{S}\").OnColumn(\"{column.Name}\");").Line(),
            w => w.Line($"Alter.Column(\"{column.Name}\").OnTable(\"{name}\").InSchema(\"{S}\").{ColumnTypes.Fluent(column)}.WithDefaultValue({ColumnTypes.DefaultValue(column.Type)});"), false);
    }

    private Step DatabaseSpecific(Table table)
    {
        var name = table.Name;
        return new Step($"Tune{name}",
            w => w.Line($"IfDatabase(\"SqlServer\").Execute.Sql(\"ALTER INDEX ALL ON {S}.{name} REBUILD\");")
                .Line($"IfDatabase(\"Postgres\").Execute.Sql(\"REINDEX TABLE {S}.{name}\");").Line(),
            w => w.Line("// Index maintenance has nothing to undo."), false);
    }
}
