using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Descriptors;

/// <summary>
/// The descriptors of the hand-written rules. Built-in pack rules are described in their packs instead
/// (<see cref="RulePacks.PackDescriptors"/>). Every descriptor is made by <see cref="Rule"/>, so every one carries
/// a help link to its page in rules/ (a test checks that the page and the release entry exist).
/// </summary>
public static class Descriptors
{
    public const string RulesDocumentationRoot = "https://github.com/migration-analyzers/MigrationAnalyzers/blob/main/rules/";

    public static string HelpLink(string id) => RulesDocumentationRoot + id + ".md";

    public static readonly DiagnosticDescriptor MIG1001_MigrationCannotBeRolledBack = Rule(
        RuleIds.MigrationCannotBeRolledBack,
        "Migration cannot be rolled back",
        "Migration '{0}' cannot be rolled back: {1}",
        RuleCategories.Reversibility,
        DiagnosticSeverity.Warning,
        "Up changes the database but Down is missing, empty or only throws, so a failed deployment cannot be rolled back.");

    public static readonly DiagnosticDescriptor MIG1002_DownDoesNotUndoUp = Rule(
        RuleIds.DownDoesNotUndoUp,
        "Down does not undo Up",
        "Down of migration '{0}' does not mirror Up: {1}",
        RuleCategories.Reversibility,
        DiagnosticSeverity.Warning,
        "An operation of Up is never reversed in Down, or Down reverses something Up never did, so a rollback leaves the schema different from before the migration.");

    public static readonly DiagnosticDescriptor MIG1003_AutoReversingMigrationCannotReverse = Rule(
        RuleIds.AutoReversingMigrationCannotReverse,
        "AutoReversingMigration uses expressions FluentMigrator cannot reverse",
        "Migration '{0}' is an AutoReversingMigration but uses {1}, which FluentMigrator cannot reverse: rolling it back throws NotSupportedException",
        RuleCategories.Reversibility,
        DiagnosticSeverity.Warning,
        "FluentMigrator derives Down from Up only for expressions whose Reverse() is implemented; any other expression makes the rollback fail at run time.");

    public static readonly DiagnosticDescriptor MIG1010_DropWithoutDeprecation = Rule(
        RuleIds.DropWithoutDeprecation,
        "Drop without a deprecation period",
        "Drop of '{0}' without a deprecation period: {1}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "A column or table may be dropped only after the application stopped using it and that version has run for the deprecation period; otherwise running instances (and a rollback) still read it.");

    public static readonly DiagnosticDescriptor MIG1020_SchemaAndDataInOneMigration = Rule(
        RuleIds.SchemaAndDataInOneMigration,
        "Schema and data changes in one migration",
        "Migration '{0}' changes the schema and the data ({1}); move the data changes into a migration of their own{2}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "A migration that changes both the schema and the rows holds locks for as long as the data change runs, cannot be retried in parts, and ties a slow, data-dependent step to a fast, predictable one. Keep data changes in a migration of their own. Where the split fix cannot keep the migration's meaning, the message says why no fix is offered.");

    public static readonly DiagnosticDescriptor MIG1030_NotNullColumnWithoutDefault = Rule(
        RuleIds.NotNullColumnWithoutDefault,
        "NOT NULL column without a default on an existing table",
        "Column '{0}.{1}' {2}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "A NOT NULL column added to a table that already has rows needs a value for them: without a default the migration fails, or locks the table while it fills it. Making a nullable column NOT NULL fails on the first NULL unless the rows were backfilled first.");

    public static readonly DiagnosticDescriptor MIG1040_OneStepRename = Rule(
        RuleIds.OneStepRename,
        "Column or table renamed in one step",
        "Renaming {0} '{1}' to '{2}' in one step breaks running instances of the old code; add the new {0}, write to both, backfill, switch reads, then drop the old {0}{3}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "During a deployment the old version of the application keeps running against the new schema; a renamed column or table is gone for it, so its queries fail until every instance is replaced. Where the fix cannot be written (for a column the expand step, for a table a view under the old name: SQLite, an unknown target database, a column that is not a plain table column, an old table name used again later), the message says why no fix is offered.");

    public static readonly DiagnosticDescriptor MIG1050_RiskyColumnTypeChange = Rule(
        RuleIds.RiskyColumnTypeChange,
        "Column type change that narrows or rewrites the table",
        "Column '{0}.{1}': {2}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "An AlterColumn that narrows a column (shorter length, smaller number, lower precision, text to number, nullable to NOT NULL) fails or loses data on existing values; most other type changes rewrite the table under a lock. Changes the target database does in place stay silent.");

    public static readonly DiagnosticDescriptor MIG1060_BlockingIndexChange = Rule(
        RuleIds.BlockingIndexChange,
        "Index change blocks writes on an existing table",
        "Index '{0}'{1} on {2} {3}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "Building an index on a table that already holds data blocks writes until the build ends (PostgreSQL without CONCURRENTLY, SQL Server without ONLINE), and a plain DROP INDEX on PostgreSQL waits for and then holds an exclusive lock on the table.");

    public static readonly DiagnosticDescriptor MIG1070_MigrationOutsideTransaction = Rule(
        RuleIds.MigrationOutsideTransaction,
        "Migration runs outside a transaction together with other operations",
        "Migration '{0}' runs {1} outside a transaction together with {2} other operation(s): a failure leaves the database half-migrated; give it a migration of its own",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "Operations that run outside the migration's transaction commit on their own; when anything else in the same migration fails, the database is left half-migrated and the history says the migration did not run.");

    public static readonly DiagnosticDescriptor MIG1080_DestructiveRawSql = Rule(
        RuleIds.DestructiveRawSql,
        "Raw SQL destroys data",
        "Raw SQL {0}: the data is gone once it runs and Down cannot bring it back",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "SQL passed to Sql(…) or Execute.Sql(…) drops a table or column, truncates a table, or deletes or updates every row; none of the schema checks see it.");

    public static readonly DiagnosticDescriptor MIG1081_DownDestroysOlderData = Rule(
        RuleIds.DownDestroysOlderData,
        "Raw SQL in Down destroys data that Up did not create",
        "Raw SQL in Down of migration '{0}' {1}: that data existed before Up ran, so rolling back destroys what Up did not create",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "Down exists to take back what Up made. SQL passed to Sql(…) or Execute.Sql(…) in Down that drops, empties or overwrites a table or column that existed before this migration destroys data written long before it, on every rollback.");

    public static readonly DiagnosticDescriptor MIG1100_MigrationIdentity = Rule(
        RuleIds.MigrationIdentity,
        "Migration identity error",
        "Migration '{0}' {1}",
        RuleCategories.MigrationHistory,
        DiagnosticSeverity.Error,
        "Two migrations with the same ID or version, an EF Core ID that is not yyyyMMddHHmmss_Name, or two migrations of one context with the same timestamp: the framework refuses to run, skips one of them, or runs them in an order nobody chose.");

    public static readonly DiagnosticDescriptor MIG1110_MigrationDependsOnApplicationCode = Rule(
        RuleIds.MigrationDependsOnApplicationCode,
        "Migration depends on application code",
        "Migration '{0}' uses {1} from the application: editing the application silently changes what this migration does; copy the values into the migration",
        RuleCategories.MigrationHistory,
        DiagnosticSeverity.Warning,
        "A migration is history: it must do the same thing on every database, whenever it runs. Entity types, enums, constants and helpers of the application change with the application, and the migration changes with them.");

    public static readonly DiagnosticDescriptor MIG1120_ConstraintValidatedAtOnce = Rule(
        RuleIds.ConstraintValidatedAtOnce,
        "Constraint on an existing table is validated at once",
        "{0} '{1}' on existing table '{2}' checks every row while writes to the table wait: add it NOT VALID, then VALIDATE CONSTRAINT in a later migration",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "On PostgreSQL, adding a foreign key or check constraint to a table that holds data scans the whole table under a lock that blocks writes; NOT VALID followed by VALIDATE CONSTRAINT checks the rows without blocking them.");

    public static readonly DiagnosticDescriptor MIG1130_UniqueConstraintWithoutIndex = Rule(
        RuleIds.UniqueConstraintWithoutIndex,
        "Unique constraint or primary key added directly to an existing table",
        "{0} '{1}' on existing table '{2}' builds its index while writes to the table wait: build a unique index CONCURRENTLY first, then add the constraint USING INDEX",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "On PostgreSQL, ADD CONSTRAINT … UNIQUE or PRIMARY KEY builds a unique index under a lock that blocks reads and writes for the whole build; a unique index built CONCURRENTLY can be turned into the constraint in an instant.");

    public static readonly DiagnosticDescriptor MIG1140_DefaultRewritesTable = Rule(
        RuleIds.DefaultRewritesTable,
        "Column default rewrites the table",
        "Column '{0}.{1}' is added with {2}: PostgreSQL rewrites the whole table under an exclusive lock; add the column without it, then fill existing rows in batches",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "On PostgreSQL, adding a column whose value must be computed for every existing row (a volatile default, a stored generated column, or any default before PostgreSQL 11) rewrites the table while reads and writes wait.");

    public static readonly DiagnosticDescriptor MIG1150_ConcurrentIndexInTransaction = Rule(
        RuleIds.ConcurrentIndexInTransaction,
        "Concurrent index operation inside a transaction",
        "'{0}' runs inside the migration's transaction, which PostgreSQL refuses: the migration fails; {1}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Error,
        "CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY and REINDEX CONCURRENTLY cannot run inside a transaction block; EF Core and FluentMigrator run migrations in a transaction unless told otherwise.");

    public static readonly DiagnosticDescriptor MIG1160_IdentityColumnOnExistingTable = Rule(
        RuleIds.IdentityColumnOnExistingTable,
        "Identity or serial column added to an existing table",
        "Column '{0}.{1}' is added with {2}: every existing row needs its own number, so {3}; add a nullable column, fill it in batches from a sequence, then make it the identity",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "Adding an identity, serial or auto-increment column to a table that holds rows writes a generated value into every row while the table is locked: PostgreSQL rewrites the table, SQL Server fills the column under a schema-modification lock, MySQL rebuilds the table without concurrent writes.");

    public static readonly DiagnosticDescriptor MIG1170_TableMaintenanceInMigration = Rule(
        RuleIds.TableMaintenanceInMigration,
        "REINDEX, VACUUM FULL or CLUSTER in a migration",
        "'{0}' in a migration: {1}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "On PostgreSQL, VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock, and REINDEX without CONCURRENTLY blocks writes while it rebuilds; VACUUM cannot run inside a transaction block at all. Maintenance belongs in a maintenance job, not in a migration every deployment runs.");

    public static readonly DiagnosticDescriptor MIG1171_DropOfDeclaredKey = Rule(
        RuleIds.DropOfDeclaredKey,
        "Index or key dropped that the model still declares",
        "{0} '{1}' on '{2}' is dropped, but the model after migration '{3}' still declares it: the database and the model disagree, and the next 'migrations add' creates it again; remove it from the model too, or keep it",
        RuleCategories.MigrationHistory,
        DiagnosticSeverity.Warning,
        "An EF Core migration drops an index, unique constraint or foreign key that its own Designer model (and so the snapshot) still declares: the uniqueness or integrity the model promises is gone from the database, and the next scaffolded migration adds it back.");

    public static readonly DiagnosticDescriptor MIG1181_SnapshotOutOfStep = Rule(
        RuleIds.SnapshotOutOfStep,
        "Model snapshot out of step with the last migration",
        "Model snapshot '{0}' is out of step with '{1}', the last migration of its context: {2}; make the snapshot's model match that migration's Designer model again",
        RuleCategories.MigrationHistory,
        DiagnosticSeverity.Warning,
        "'migrations add' writes the model snapshot and the new migration's Designer model from one model, so they agree. They differ when the snapshot was edited by hand, when a newer migration's files were deleted by hand instead of with 'migrations remove', when a merge kept the wrong snapshot, or when a migration was written without 'migrations add'; the next 'migrations add' compares the application with the snapshot, so it scaffolds again what the snapshot lacks and never creates what only the snapshot has.");

    public static readonly DiagnosticDescriptor MIG1182_ParallelBranchMigration = Rule(
        RuleIds.ParallelBranchMigration,
        "Migration from a parallel branch can run after a later one",
        "Migration '{0}' and the later '{1}' were written on separate branches ({2}, which '{0}' adds, is missing from the model of '{1}' and back after it): a database that ran '{1}' before the merge gets '{0}' after it, a new database before it; make sure both orders give the same schema and data",
        RuleCategories.MigrationHistory,
        DiagnosticSeverity.Warning,
        "EF Core applies every migration a database has not run, in ID order among them: a migration merged after a later-stamped one had shipped runs after it on the databases that already have it, and before it on new ones. The Designer models show such a merge: the later migration's model lacks what the earlier one adds, and the model after it has it again.");

    public static readonly DiagnosticDescriptor MIG1190_IntIdentityOnNewTable = Rule(
        RuleIds.IntIdentityOnNewTable,
        "32-bit identity key on a new table",
        "Column '{0}.{1}' is {2} on a new table: its numbers run out at 2,147,483,647 (deleted rows and rolled-back inserts use numbers up too), and widening it later rewrites the table and every column that refers to it; {3}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "An int identity, serial or auto-increment column is a 32-bit counter on PostgreSQL, SQL Server and MySQL. While the table is new, making it bigint costs four bytes a row; once it holds data, the change rewrites the table and its foreign key columns under a lock. Opt-in.",
        RuleTags.OptIn);

    public static readonly DiagnosticDescriptor MIG1191_JsonInsteadOfJsonb = Rule(
        RuleIds.JsonInsteadOfJsonb,
        "PostgreSQL json column instead of jsonb",
        "Column '{0}.{1}' is stored as json: {2}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "On PostgreSQL, json keeps the text as written and parses it on every read; jsonb stores it parsed, can be indexed (GIN) and compared for equality. A new column can be jsonb at no cost; changing an existing column rewrites the table, so only new columns get a fix. Opt-in.",
        RuleTags.OptIn);

    public static readonly DiagnosticDescriptor MIG1192_TimestampWithoutTimeZone = Rule(
        RuleIds.TimestampWithoutTimeZone,
        "PostgreSQL timestamp without time zone for a new column",
        "Column '{0}.{1}' is {2}: it stores a wall-clock time without its offset, so the same value means different instants to writers in different time zones; timestamptz stores the instant; no fix is offered, since the type decides what the application reads and writes (Npgsql 6+ maps timestamptz to DateTime of Kind Utc and DateTimeOffset, timestamp to Kind Unspecified), so change the model and the code together",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "On PostgreSQL, timestamp (without time zone) keeps the date and time as written and forgets the offset; timestamptz converts to UTC on write and back on read, so it names one instant. Daylight-saving changes and servers or clients in other time zones make timestamp values ambiguous. Opt-in.",
        RuleTags.OptIn);

    public static readonly DiagnosticDescriptor MIG1193_LockingDdlWithoutLockTimeout = Rule(
        RuleIds.LockingDdlWithoutLockTimeout,
        "PostgreSQL migration takes table locks without a lock_timeout",
        "Migration '{0}' locks {1} without setting lock_timeout first: if a long query holds the table, the migration waits for it and every query behind the migration waits too; {2}",
        RuleCategories.SchemaSafety,
        DiagnosticSeverity.Warning,
        "On PostgreSQL, ALTER TABLE, CREATE INDEX without CONCURRENTLY, DROP and LOCK queue for a lock on the table; while they wait, every later query on the table queues behind them, so one slow transaction stops the application. SET LOCAL lock_timeout at the start of the migration's transaction makes it fail fast instead, to be retried. Opt-in.",
        RuleTags.OptIn);

    public static readonly DiagnosticDescriptor MIG2001_RulePackMatch = Rule(
        RuleIds.RulePackMatch,
        "API use matched by a migration rule pack",
        "{0}: {1}",
        RuleCategories.ApiMigration,
        DiagnosticSeverity.Warning,
        "A rule from a user or library rule pack (AdditionalFiles *.migrationpack or MigrationRules*.txt) matched this API; the rule's ID and message say what to change. The severity is the rule's own.");

    public static readonly DiagnosticDescriptor MIG2002_ObsoleteMemberNamesReplacement = Rule(
        RuleIds.ObsoleteMemberNamesReplacement,
        "Obsolete member names its replacement",
        "'{0}' is obsolete; its message names '{1}' as the replacement{2}",
        RuleCategories.ApiMigration,
        DiagnosticSeverity.Info,
        "The [Obsolete] message of this member says what to use instead, and that member exists. The call is rewritten automatically where the compiler binds the rewritten call to a member with the same static or instance shape and a return type that is the same or converts implicitly; elsewhere the message says why no fix is offered.");

    public static readonly DiagnosticDescriptor MIG2402_SqlConnectionStringWithoutEncrypt = Rule(
        RuleIds.SqlConnectionStringWithoutEncrypt,
        "A literal SQL Server connection string does not say Encrypt",
        "The connection string for server '{0}' does not say Encrypt, which is true by default from Microsoft.Data.SqlClient 4.0 on and then needs a server certificate the client trusts",
        RuleCategories.ApiMigration,
        DiagnosticSeverity.Warning,
        "Microsoft.Data.SqlClient 4.0 changed the default to Encrypt=true: a connection string that does not say Encrypt then fails to open unless the server presents a certificate the client trusts. Write Encrypt=True with a trusted certificate, add TrustServerCertificate=True only for a self-signed development server, or write Encrypt=False to keep the old behaviour on purpose. No automatic fix: only the team knows the server's certificate.");

    public static readonly DiagnosticDescriptor MIG3004_CodeAccessSecurity = Rule(
        RuleIds.CodeAccessSecurity,
        "Code Access Security is not enforced on .NET Core and .NET 5+",
        "On {1}, '{0}' has no effect: Code Access Security is not enforced (SYSLIB0003)",
        RuleCategories.FrameworkUpgrade,
        DiagnosticSeverity.Warning,
        "Code Access Security (permissions, permission sets and their attributes) does not exist on .NET Core and .NET 5+: demands always succeed and the attributes are ignored, so code that relied on them for protection is no longer protected. Use operating-system boundaries (process, container, user account) instead.");

    public static readonly DiagnosticDescriptor MIG3005_DelegateAsyncInvocation = Rule(
        RuleIds.DelegateAsyncInvocation,
        "Delegate.BeginInvoke and EndInvoke are not supported on .NET Core and .NET 5+",
        "On {1}, '{0}' throws PlatformNotSupportedException; run the delegate with Task.Run",
        RuleCategories.FrameworkUpgrade,
        DiagnosticSeverity.Warning,
        "The asynchronous programming model on delegates (BeginInvoke/EndInvoke) needs .NET Remoting and throws PlatformNotSupportedException on .NET Core and .NET 5 and later. Task.Run runs the delegate on the thread pool the same way.");

    public static readonly DiagnosticDescriptor MIG3006_ProcessStartNeedsShell = Rule(
        RuleIds.ProcessStartNeedsShell,
        "Process.Start with a URL or document needs UseShellExecute = true",
        "On {1}, Process.Start does not use the shell by default, so opening {0} throws Win32Exception; set UseShellExecute = true",
        RuleCategories.FrameworkUpgrade,
        DiagnosticSeverity.Warning,
        "ProcessStartInfo.UseShellExecute defaults to true on .NET Framework and to false on .NET Core and .NET 5+. Without the shell, Process.Start can only run executables: a URL, a document or a folder is not opened but throws Win32Exception.");

    public static readonly DiagnosticDescriptor MIG3007_CodePageNeedsProvider = Rule(
        RuleIds.CodePageNeedsProvider,
        "Encoding needs CodePagesEncodingProvider on .NET Core and .NET 5+",
        "On {1}, encoding {0} is only available after Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); without it GetEncoding throws",
        RuleCategories.FrameworkUpgrade,
        DiagnosticSeverity.Warning,
        ".NET Core ships only the Unicode encodings, ASCII and Latin-1. Windows code pages such as 1252, 437 or Shift-JIS need CodePagesEncodingProvider to be registered once at startup; until then Encoding.GetEncoding throws NotSupportedException or ArgumentException.");

    public static readonly DiagnosticDescriptor MIG3008_CultureSensitiveStringComparison = Rule(
        RuleIds.CultureSensitiveStringComparison,
        "Culture-sensitive string search or comparison changed with ICU on .NET 5+",
        "On {1}, '{0}' compares with the current culture through ICU and can return other results than on .NET Framework; pass a StringComparison",
        RuleCategories.FrameworkUpgrade,
        DiagnosticSeverity.Info,
        "From .NET 5, culture-sensitive string operations use ICU on every operating system, including Windows. IndexOf, StartsWith, EndsWith and Compare without a StringComparison can then give different answers: \\n and \\0 are ignorable, so \"a\\r\\nb\".IndexOf(\"\\n\") returns -1.");

    public static readonly DiagnosticDescriptor MIG3009_LegacyExceptionSerialization = Rule(
        RuleIds.LegacyExceptionSerialization,
        "Exception serialization support is obsolete (SYSLIB0051)",
        "On {1}, {0} is obsolete (SYSLIB0051): exceptions are no longer serialized with BinaryFormatter; remove it",
        RuleCategories.FrameworkUpgrade,
        DiagnosticSeverity.Warning,
        "The serialization constructor Exception(SerializationInfo, StreamingContext) and Exception.GetObjectData exist only for BinaryFormatter and are obsolete from .NET 8 (SYSLIB0051). Custom exceptions written for .NET Framework call and override them, so builds that treat warnings as errors stop after the move.");

    public static readonly DiagnosticDescriptor MIG9001_InvalidSetting = Rule(
        RuleIds.InvalidSetting,
        "Invalid MigrationAnalyzers setting",
        "Setting '{0}' has invalid value '{1}': {2}; the default is used",
        RuleCategories.Configuration,
        DiagnosticSeverity.Warning,
        "A MigrationAnalyzers option in .editorconfig or a global config could not be read; the rule falls back to its default.");

    public static readonly DiagnosticDescriptor MIG9101_RulePackSyntax = Rule(
        RuleIds.RulePackSyntax,
        "Rule pack line cannot be read",
        "Rule pack '{0}': {1}",
        RuleCategories.Configuration,
        DiagnosticSeverity.Warning,
        "A line of a migration rule pack is not a comment, a [RULE-ID] header or a 'key = value' pair. The line is skipped; every other rule keeps working.");

    public static readonly DiagnosticDescriptor MIG9102_RulePackRuleIgnored = Rule(
        RuleIds.RulePackRuleIgnored,
        "Rule pack rule is ignored",
        "Rule pack '{0}': {1}",
        RuleCategories.Configuration,
        DiagnosticSeverity.Warning,
        "A rule in a migration rule pack has a missing or unreadable key (match, message, severity, requires, rewrite…). That rule is left out; every other rule keeps working.");

    /// <summary>
    /// Tag of the descriptors of built-in pack rules. Those are not fields here: each is made from its pack
    /// (RulePacks/BuiltIn/*.migrationpack) by <see cref="RulePacks.PackDescriptors"/>.
    /// </summary>
    public const string RulePackTag = "MigrationRulePack";

    /// <summary>The only way a descriptor is made: it fixes the help link and keeps rules enabled by default.</summary>
    public static DiagnosticDescriptor Rule(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags)
        => new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLink(id),
            customTags: customTags);
}
