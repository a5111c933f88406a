using System;

namespace MigrationAnalyzers.Sql;

/// <summary>What the statements of a piece of SQL do, as flags: a script can do several things.</summary>
[Flags]
public enum SqlStatementKinds
{
    None = 0,

    /// <summary>Changes rows: INSERT, UPDATE, DELETE, MERGE, REPLACE, UPSERT, TRUNCATE.</summary>
    Data = 1,

    /// <summary>Changes the schema: CREATE, ALTER, DROP, RENAME (including routines, views, triggers).</summary>
    Schema = 2,

    /// <summary>Anything else: SELECT, SET, PRAGMA, EXEC of a procedure, transaction control.</summary>
    Other = 4,
}
