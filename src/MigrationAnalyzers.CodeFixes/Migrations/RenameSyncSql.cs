using System.Collections.Generic;
using System.Linq;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Databases;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// The triggers of MIG1040's expand step, which keep the old and the new column in step while the old application
/// version (it writes only the old column) and the new one (only the new column) run side by side. A value written to
/// either side reaches the other: on INSERT the new column wins when it was given, else it takes the old one; on
/// UPDATE the side whose value changed wins. SQL Server has no BEFORE trigger, so its AFTER trigger updates the rows
/// it was fired for, found by the primary key; there the old column must allow NULL during the expand phase, since the
/// new model's INSERT leaves it out and the constraint is checked before any AFTER trigger runs.
/// </summary>
internal sealed class RenameSyncSql
{
    private RenameSyncSql(IReadOnlyList<string> create, IReadOnlyList<string> drop)
    {
        Create = create;
        Drop = drop;
    }

    /// <summary>Statements that create the triggers (and PostgreSQL's trigger function), one SQL command each.</summary>
    public IReadOnlyList<string> Create { get; }

    /// <summary>Statements that drop what <see cref="Create"/> made, in reverse order.</summary>
    public IReadOnlyList<string> Drop { get; }

    /// <summary>The name of the trigger (PostgreSQL: also of its function); MySQL adds <c>_insert</c> and <c>_update</c>.</summary>
    public static string TriggerName(string table, string newName)
    {
        // PostgreSQL cuts names at 63 bytes and MySQL refuses more than 64: stay below both with the suffixes.
        var name = table + "_" + newName;
        return (name.Length > 50 ? name.Substring(0, 50) : name) + "_sync";
    }

    /// <summary>The SQL for <paramref name="provider"/>; null for SQLite and an unknown database (no fix there).</summary>
    public static RenameSyncSql? For(DatabaseProvider provider, string? schema, string table, string oldName, string newName, IReadOnlyList<string> primaryKey)
    {
        string Q(string name) => SqlText.Name(name, provider);
        var qualifiedTable = SqlText.Table(schema, table, provider);
        var trigger = TriggerName(table, newName);
        var qualifiedTrigger = SqlText.Table(schema, trigger, provider);
        var (o, n) = (Q(oldName), Q(newName));
        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
                return new RenameSyncSql(
                    new[]
                    {
                        $"CREATE FUNCTION {qualifiedTrigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + $"IF TG_OP = 'INSERT' THEN IF NEW.{n} IS NULL THEN NEW.{n} := NEW.{o}; ELSE NEW.{o} := NEW.{n}; END IF; "
                        + $"ELSIF NEW.{n} IS DISTINCT FROM OLD.{n} THEN NEW.{o} := NEW.{n}; "
                        + $"ELSIF NEW.{o} IS DISTINCT FROM OLD.{o} THEN NEW.{n} := NEW.{o}; "
                        + "END IF; RETURN NEW; END $$;",
                        $"CREATE TRIGGER {Q(trigger)} BEFORE INSERT OR UPDATE ON {qualifiedTable} FOR EACH ROW EXECUTE FUNCTION {qualifiedTrigger}();",
                    },
                    new[]
                    {
                        $"DROP TRIGGER {Q(trigger)} ON {qualifiedTable};",
                        $"DROP FUNCTION {qualifiedTrigger}();",
                    });
            case DatabaseProvider.MySql:
                var insert = SqlText.Table(schema, trigger + "_insert", provider);
                var update = SqlText.Table(schema, trigger + "_update", provider);
                return new RenameSyncSql(
                    new[]
                    {
                        $"CREATE TRIGGER {insert} BEFORE INSERT ON {qualifiedTable} FOR EACH ROW BEGIN "
                        + $"IF NEW.{n} IS NULL THEN SET NEW.{n} = NEW.{o}; ELSE SET NEW.{o} = NEW.{n}; END IF; END",
                        $"CREATE TRIGGER {update} BEFORE UPDATE ON {qualifiedTable} FOR EACH ROW BEGIN "
                        + $"IF NOT (NEW.{n} <=> OLD.{n}) THEN SET NEW.{o} = NEW.{n}; "
                        + $"ELSEIF NOT (NEW.{o} <=> OLD.{o}) THEN SET NEW.{n} = NEW.{o}; END IF; END",
                    },
                    new[] { $"DROP TRIGGER {update};", $"DROP TRIGGER {insert};" });
            case DatabaseProvider.SqlServer when primaryKey.Count > 0:
                var joinSource = string.Join(" AND ", primaryKey.Select(key => $"s.{Q(key)} = t.{Q(key)}"));
                var joinDeleted = string.Join(" AND ", primaryKey.Select(key => $"d.{Q(key)} = i.{Q(key)}"));
                var keys = string.Join(", ", primaryKey.Select(key => "i." + Q(key)));
                return new RenameSyncSql(
                    new[]
                    {
                        $"CREATE TRIGGER {qualifiedTrigger} ON {qualifiedTable} AFTER INSERT, UPDATE AS BEGIN SET NOCOUNT ON; "
                        + "IF TRIGGER_NESTLEVEL(@@PROCID) > 1 RETURN; "
                        + $"UPDATE t SET {n} = s.[SyncValue], {o} = s.[SyncValue] FROM {qualifiedTable} AS t JOIN ("
                        + $"SELECT {keys}, CASE WHEN d.{Q(primaryKey[0])} IS NULL THEN COALESCE(i.{n}, i.{o}) "
                        + $"WHEN EXISTS (SELECT i.{n} EXCEPT SELECT d.{n}) THEN i.{n} ELSE i.{o} END AS [SyncValue] "
                        + $"FROM inserted AS i LEFT JOIN deleted AS d ON {joinDeleted}) AS s ON {joinSource} "
                        + $"WHERE EXISTS (SELECT t.{n}, t.{o} EXCEPT SELECT s.[SyncValue], s.[SyncValue]); END",
                    },
                    new[] { $"DROP TRIGGER {qualifiedTrigger};" });
            default:
                return null;
        }
    }
}
