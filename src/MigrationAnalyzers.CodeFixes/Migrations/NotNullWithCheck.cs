using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Rules.Migrations;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1050's PostgreSQL 12+ recipe for a nullable column made NOT NULL after a backfill: the original migration adds
/// <c>CHECK (col IS NOT NULL) NOT VALID</c> in place of the NOT NULL change (an instant lock, no scan); a following
/// migration validates the check (a scan while reads and writes go on), then runs the NOT NULL change as the user
/// wrote it (PostgreSQL sees the validated check and skips its scan) and drops the check, now redundant, in a later
/// statement. Its Down adds the check back NOT VALID and makes the column nullable again, the state the original
/// leaves; the original's Down drops the check where it made the column nullable. One plan covers every such change
/// of the migration, so one fix and Fix All write the same migrations.
/// <para>
/// EF Core: Npgsql writes the change as <c>ALTER COLUMN … SET NOT NULL</c> alone, which uses the check, so the following
/// migration repeats the statement as written. FluentMigrator's <c>Alter.Column(…)</c> always restates the type
/// (<c>ALTER … TYPE …, ALTER … SET NOT NULL</c> in one statement), and the TYPE clause re-adds the column's check
/// constraints and verifies them with a scan: there the following migration sets NOT NULL (and its Down drops it) in
/// raw SQL, offered only when the restated type is the column's own (<see cref="FluentNotNullChange"/>).
/// </para>
/// </summary>
internal static class NotNullWithCheck
{
    /// <summary>PostgreSQL keeps the first 63 bytes of an identifier (NAMEDATALEN - 1) and cuts the rest silently.</summary>
    private const int MaxIdentifierBytes = 63;

    /// <summary>EF Core arguments that may appear on both sides (<c>x</c> and <c>oldX</c>), as long as both say the same.</summary>
    private static readonly string[] UnchangedFacets = { "type", "unicode", "maxLength", "fixedLength", "precision", "scale", "comment", "collation" };

    /// <summary>
    /// The NOT NULL changes of the migration the recipe can rewrite; null unless the one at <paramref name="span"/> is
    /// among them. <paramref name="lockTimeout"/>: the timeout MIG1193 asks of the original, when it reports it.
    /// </summary>
    public static NewMigrationsPlan? TryPlan(Compilation compilation, AnalyzerOptions options, INamedTypeSymbol type, TextSpan span, string? lockTimeout = null)
    {
        var catalog = MigrationCatalog.For(compilation);
        if (catalog.Get(type) is not { MainDeclaration: { } main } migration
            || migration.Up.Declaration is not { Body: not null } up || up.Parent != main || !migration.Up.IsSelfContained
            || migration.Down.Declaration is not { Body: not null } down || down.Parent != main || !migration.Down.IsSelfContained
            || (migration.Framework == MigrationFramework.FluentMigrator && migration.Style != MigrationStyle.Explicit))
        {
            return null;
        }

        // The rule decided PostgreSQL 12+ (or no version) for the diagnostic; the other changes are judged the same way.
        var target = TargetDatabasePolicy.ResolveForType(compilation, options, type);
        if (!target.IsKnown || target.Provider != DatabaseProvider.PostgreSql)
        {
            return null;
        }

        var timeline = new UpTimeline(catalog, migration);
        var fluentMigrator = migration.Framework == MigrationFramework.FluentMigrator;
        var columns = new List<Change>();
        foreach (var operation in migration.Up.Operations)
        {
            if (RiskyColumnTypeChangeAnalyzer.IsNotNullWithCheckCase(migration, timeline, operation, target)
                && operation is { Name: { } column, Table: { } table, Statement: ExpressionStatementSyntax { Expression: var expression } statement }
                && expression == operation.Syntax
                && operation.DatabaseConditions.IsEmpty
                && (fluentMigrator ? FluentNotNullChange.OnlyNullabilityChanges(timeline, operation) : OnlyNullabilityChanges(operation))
                && (fluentMigrator ? FluentNotNullChange.Inverse(migration, operation) : Inverse(migration, operation)) is { } inverse
                && PostgresConstraintSql.Receiver(migration, operation) is { } receiver
                && columns.All(planned => planned.Statement != statement && planned.Inverse != inverse
                                          && !(planned.Operation.Schema == operation.Schema && planned.Operation.Table == table && planned.Operation.Name == column)))
            {
                columns.Add(new Change(operation, statement, inverse, receiver, SqlText.Table(operation.Schema, table, DatabaseProvider.PostgreSql), ConstraintName(table, column)));
            }
        }

        if (!columns.Any(change => change.Operation.Location.SourceSpan == span)
            || NewMigrationIds.After(catalog, migration, new[] { migration.Name + "SetNotNull" }, compilation) is not { Count: 1 } ids)
        {
            return null;
        }

        var edits = new Dictionary<StatementSyntax, StatementSyntax?>();
        var newUp = TimeoutSettings(migration, columns[0], lockTimeout);
        var newDown = new List<StatementSyntax>();
        foreach (var change in columns)
        {
            var add = $"ALTER TABLE {change.Table} ADD CONSTRAINT {SqlText.Name(change.Constraint, DatabaseProvider.PostgreSql)} CHECK ({SqlText.Name(change.Operation.Name!, DatabaseProvider.PostgreSql)} IS NOT NULL) NOT VALID;";
            var addBack = PostgresConstraintSql.Statement(change.Receiver, add, migration);
            edits[change.Statement] = NewMigrationWriter.WithComment(
                addBack,
                $"NOT VALID: only new and changed rows are checked here; {ids[0].ClassName} checks the existing ones without blocking writes, then makes {change.Operation.Name} NOT NULL.",
                migration);
            edits[change.Inverse] = PostgresConstraintSql.Statement(change.Receiver, PostgresConstraintSql.Drop(change.Table, change.Constraint), migration);

            newUp.Add(NewMigrationWriter.WithComment(
                PostgresConstraintSql.Statement(change.Receiver, PostgresConstraintSql.Validate(change.Table, change.Constraint), migration),
                $"Checks the existing rows while writes go on; then PostgreSQL 12+ takes the check as proof that {change.Operation.Name} holds no NULL and makes it NOT NULL without a scan.",
                migration));
            var column = SqlText.Name(change.Operation.Name!, DatabaseProvider.PostgreSql);
            newUp.Add(fluentMigrator
                ? PostgresConstraintSql.Statement(change.Receiver, $"ALTER TABLE {change.Table} ALTER COLUMN {column} SET NOT NULL;", migration)
                : change.Statement);

            // Dropped in a statement of its own: dropped in the same ALTER TABLE as SET NOT NULL, the scan would come back.
            newUp.Add(PostgresConstraintSql.Statement(change.Receiver, PostgresConstraintSql.Drop(change.Table, change.Constraint), migration));

            // Down returns to the state the original leaves: the column nullable, the check there, not validated.
            newDown.Insert(0, fluentMigrator
                ? PostgresConstraintSql.Statement(change.Receiver, $"ALTER TABLE {change.Table} ALTER COLUMN {column} DROP NOT NULL;", migration)
                : change.Inverse);
            newDown.Insert(0, addBack);
        }

        return new NewMigrationsPlan(migration, edits, new[] { new NewMigration(ids[0], newUp, newDown) });
    }

    /// <summary>
    /// The added migration takes an ACCESS EXCLUSIVE lock too (SET NOT NULL, DROP CONSTRAINT), so it starts with the
    /// timeout settings that come before the first NOT NULL change in the original (as MIG1193's fix writes them), or,
    /// when there are none and MIG1193 reports the original, with the setting MIG1193's fix would write. Either way the
    /// result is the same whether MIG1193's fix runs before this one or after it.
    /// </summary>
    private static List<StatementSyntax> TimeoutSettings(MigrationInfo migration, Change first, string? lockTimeout)
    {
        var settings = new List<StatementSyntax>();
        foreach (var operation in migration.Up.Operations)
        {
            if (operation == first.Operation)
            {
                break;
            }

            if (operation.OnlySetsTimeouts() && operation.Statement is { } statement && !settings.Contains(statement))
            {
                settings.Add(statement);
            }
        }

        if (settings.Count == 0 && lockTimeout is not null)
        {
            settings.Add(PostgresConstraintSql.Statement(first.Receiver, "SET LOCAL lock_timeout = '" + lockTimeout + "';", migration));
        }

        return settings;
    }

    /// <summary>
    /// <c>CK_&lt;table&gt;_&lt;column&gt;_NotNull</c>, the name the rule's page uses; a longer one is cut to fit
    /// PostgreSQL's 63 bytes and keeps a hash of the full name, so two long names cut alike stay apart.
    /// </summary>
    internal static string ConstraintName(string table, string column)
    {
        var name = $"CK_{table}_{column}_NotNull";
        if (Encoding.UTF8.GetByteCount(name) <= MaxIdentifierBytes)
        {
            return name;
        }

        // FNV-1a: stable across runs and platforms, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        var suffix = "_" + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + "_NotNull";
        var prefix = $"CK_{table}_{column}";

        // Cut one character at a time, never inside a surrogate pair.
        while (Encoding.UTF8.GetByteCount(prefix) + suffix.Length > MaxIdentifierBytes)
        {
            prefix = prefix.Substring(0, prefix.Length - (prefix.Length >= 2 && char.IsLowSurrogate(prefix[prefix.Length - 1]) ? 2 : 1));
        }

        return prefix + suffix;
    }

    /// <summary>
    /// EF Core: <c>receiver.AlterColumn&lt;T&gt;(…)</c> with named literal arguments, <c>nullable: false</c>,
    /// <c>oldNullable: true</c>, <c>oldClrType: typeof(T)</c>, and every other facet the same on both sides.
    /// </summary>
    private static bool OnlyNullabilityChanges(MigrationOperation operation)
    {
        if (operation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 } typeArguments } }, ArgumentList.Arguments: var arguments }
            || !operation.Annotations.IsEmpty
            || arguments.Any(argument => argument.NameColon is null)
            || operation.GetArgument("nullable")?.BoolValue != false
            || operation.GetArgument("oldNullable")?.BoolValue != true
            || operation.GetArgument("oldClrType")?.Syntax is not TypeOfExpressionSyntax { Type: var oldClrType }
            || oldClrType.ToString() != typeArguments[0].ToString())
        {
            return false;
        }

        // Literals only: the statement moves to another class, where a constant of this one would not compile.
        if (arguments.Any(argument => argument.Expression is not (LiteralExpressionSyntax or TypeOfExpressionSyntax))
            || operation.GetArgument("name")?.StringValue is null
            || operation.GetArgument("table")?.StringValue is null)
        {
            return false;
        }

        var known = new HashSet<string>(StringComparer.Ordinal) { "name", "table", "schema", "nullable", "oldNullable", "oldClrType" };
        foreach (var facet in UnchangedFacets)
        {
            var oldFacet = "old" + char.ToUpperInvariant(facet[0]) + facet.Substring(1);
            known.Add(facet);
            known.Add(oldFacet);
            if (operation.GetArgument(facet)?.Syntax.ToString() != operation.GetArgument(oldFacet)?.Syntax.ToString())
            {
                return false;
            }
        }

        return operation.Arguments.Keys.All(known.Contains);
    }

    /// <summary>The one statement of Down that makes the column nullable again, the inverse of the NOT NULL change.</summary>
    private static StatementSyntax? Inverse(MigrationInfo migration, MigrationOperation change)
    {
        StatementSyntax? found = null;
        foreach (var operation in migration.Down.Operations)
        {
            if (operation.Kind != MigrationOperationKind.AlterColumn || operation.Table != change.Table || operation.Name != change.Name || operation.Schema != change.Schema)
            {
                continue;
            }

            if (found is not null
                || operation.GetArgument("nullable")?.BoolValue != true
                || operation.GetArgument("oldNullable")?.BoolValue != false
                || !operation.DatabaseConditions.IsEmpty
                || operation.Statement is not ExpressionStatementSyntax { Expression: var expression } statement
                || expression != operation.Syntax)
            {
                return null;
            }

            found = statement;
        }

        return found;
    }

    private sealed class Change
    {
        public Change(MigrationOperation operation, StatementSyntax statement, StatementSyntax inverse, string receiver, string table, string constraint)
        {
            Operation = operation;
            Statement = statement;
            Inverse = inverse;
            Receiver = receiver;
            Table = table;
            Constraint = constraint;
        }

        public MigrationOperation Operation { get; }

        /// <summary>The NOT NULL change in Up.</summary>
        public StatementSyntax Statement { get; }

        /// <summary>Its inverse in Down.</summary>
        public StatementSyntax Inverse { get; }

        public string Receiver { get; }

        /// <summary>The table, quoted for PostgreSQL.</summary>
        public string Table { get; }

        public string Constraint { get; }
    }
}
