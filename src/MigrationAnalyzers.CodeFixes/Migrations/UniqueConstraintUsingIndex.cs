using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.NewMigrations;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.History;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1130's PostgreSQL recipe: the original migration builds the constraint's unique index with
/// <c>CREATE UNIQUE INDEX CONCURRENTLY</c> (outside the transaction, which PostgreSQL requires, and alone in its
/// migration, so nothing else runs without one); a following migration adopts it with
/// <c>ADD CONSTRAINT … UNIQUE | PRIMARY KEY USING INDEX</c>, which only records it. Offered only where the constraint
/// is the only operation of Up (timeout settings aside, which move with ADD CONSTRAINT) and Down only drops it: other
/// operations would need a migration of their own before or after the build, and the fix would have to guess which of
/// them the constraint depends on.
/// </summary>
internal static class UniqueConstraintUsingIndex
{
    private static readonly HashSet<string> EfArguments = new HashSet<string> { "name", "table", "schema", "column", "columns" };

    /// <summary>The plan, and for FluentMigrator the <c>TransactionBehavior.None</c> argument the original's attribute needs.</summary>
    public sealed class Plan
    {
        public Plan(NewMigrationsPlan migrations, AttributeSyntax? attribute, string? transactionBehaviorNone)
        {
            Migrations = migrations;
            Attribute = attribute;
            TransactionBehaviorNone = transactionBehaviorNone;
        }

        public NewMigrationsPlan Migrations { get; }

        /// <summary>FluentMigrator: the original's <c>[Migration(…)]</c> that gets <see cref="TransactionBehaviorNone"/> as second argument.</summary>
        public AttributeSyntax? Attribute { get; }

        public string? TransactionBehaviorNone { get; }

        public async Task<Solution> InSameFileAsync(Document document, CancellationToken cancellationToken)
            => await WithoutTransactionAsync(await Migrations.InSameFileAsync(document, cancellationToken).ConfigureAwait(false), document.Id, cancellationToken).ConfigureAwait(false);

        public async Task<Solution> InNewFilesAsync(Document document, CancellationToken cancellationToken)
            => await WithoutTransactionAsync(await Migrations.InNewFilesAsync(document, cancellationToken).ConfigureAwait(false), document.Id, cancellationToken).ConfigureAwait(false);

        /// <summary>
        /// The attribute precedes Up and Down, whose statements are all the plan edits in the original, and the new
        /// migrations come after the original class: it is still at the same place.
        /// </summary>
        private async Task<Solution> WithoutTransactionAsync(Solution solution, DocumentId documentId, CancellationToken cancellationToken)
        {
            if (Attribute is null || solution.GetDocument(documentId) is not { } document
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
                || root.FindNode(Attribute.Span) is not AttributeSyntax { ArgumentList: { } arguments } attribute
                || !attribute.IsEquivalentTo(Attribute))
            {
                return solution;
            }

            var none = SyntaxFactory.AttributeArgument(SyntaxFactory.ParseExpression(TransactionBehaviorNone!));
            return document.WithSyntaxRoot(root.ReplaceNode(arguments, arguments.WithArguments(arguments.Arguments.Insert(1, none)))).Project.Solution;
        }
    }

    public static Plan? TryPlan(Compilation compilation, INamedTypeSymbol type, string constraintName)
    {
        var catalog = MigrationCatalog.For(compilation);
        if (catalog.Get(type) is not { MainDeclaration: { } main } migration
            || migration.Up.Declaration is not { Body: not null } up || up.Parent != main || !migration.Up.IsSelfContained
            || migration.Down.Declaration is not { Body: not null } down || down.Parent != main || !migration.Down.IsSelfContained
            || (migration.Framework == MigrationFramework.FluentMigrator && migration.Style != MigrationStyle.Explicit)
            || !migration.Up.UnrecognizedStatements.IsEmpty || !migration.Down.UnrecognizedStatements.IsEmpty
            || migration.Down.Operations.Length != 1
            || migration.Up.Operations.Where(candidate => !IsTimeoutSetting(candidate)).ToList() is not { Count: 1 } constraints
            || constraints[0] is not { Kind: MigrationOperationKind.AddUniqueConstraint or MigrationOperationKind.AddPrimaryKey } operation
            || migration.Down.Operations[0] is not { } drop
            || operation is not { Name: { } name, Table: { } table, Statement: ExpressionStatementSyntax { Expression: var expression } statement }
            || expression != operation.Syntax || name != constraintName || !operation.DatabaseConditions.IsEmpty
            || drop.Kind != (operation.Kind == MigrationOperationKind.AddPrimaryKey ? MigrationOperationKind.DropPrimaryKey : MigrationOperationKind.DropUniqueConstraint)
            || drop is not { Statement: ExpressionStatementSyntax { Expression: var dropExpression } dropStatement } || dropExpression != drop.Syntax
            || drop.Name != name || drop.Table != table || !drop.DatabaseConditions.IsEmpty
            || SameMigration.CreatesTableBefore(migration.Up, operation)
            || Columns(compilation, migration, operation) is not { } read
            || drop.Schema != read.Schema
            || Receiver(migration, operation) is not { } receiver)
        {
            return null;
        }

        // PRIMARY KEY USING INDEX sets NOT NULL on columns that lack it, scanning the table under the lock the fix avoids.
        var primaryKey = operation.Kind == MigrationOperationKind.AddPrimaryKey;
        if (primaryKey)
        {
            var timeline = new UpTimeline(catalog, migration);
            if (read.Columns.Any(column => timeline.ColumnBefore(operation, read.Schema, table, column)?.IsNullable != false))
            {
                return null;
            }
        }

        // FluentMigrator runs a migration outside a transaction only as a whole: the original gets TransactionBehavior.None.
        AttributeSyntax? attribute = null;
        string? none = null;
        if (migration.Framework == MigrationFramework.FluentMigrator && !migration.RunsWithoutTransaction)
        {
            if (WithoutTransaction(compilation, migration) is not { } found)
            {
                return null;
            }

            (attribute, none) = found;
        }

        if (NewMigrationIds.After(catalog, migration, new[] { migration.Name + "Constraint" }, compilation) is not { Count: 1 } ids)
        {
            return null;
        }

        const DatabaseProvider postgres = DatabaseProvider.PostgreSql;
        var quotedTable = SqlText.Table(read.Schema, table, postgres);
        var quotedName = SqlText.Name(name, postgres);
        var columns = string.Join(", ", read.Columns.Select(column => SqlText.Name(column, postgres)));
        var index = SqlText.Table(read.Schema, name, postgres);
        var kind = primaryKey ? "PRIMARY KEY" : "UNIQUE";
        var efCore = migration.Framework == MigrationFramework.EntityFrameworkCore;

        // Timeout settings (SET LOCAL lock_timeout, as MIG1193's fix writes them) go with the statement that takes the
        // lock: ADD CONSTRAINT in the following migration. The concurrent build runs outside the transaction they end with.
        var settings = migration.Up.Operations.Where(IsTimeoutSetting).Select(setting => setting.Statement!).ToList();
        var edits = new Dictionary<StatementSyntax, StatementSyntax?>
        {
            [statement] = NewMigrationWriter.WithComment(
                Sql(receiver, $"CREATE UNIQUE INDEX CONCURRENTLY {quotedName} ON {quotedTable} ({columns});", migration, suppressTransaction: efCore),
                $"Builds the index of {name} without blocking writes, outside the transaction; {ids[0].ClassName} makes it the {(primaryKey ? "primary key" : "unique constraint")}.",
                migration),
            [dropStatement] = Sql(receiver, $"DROP INDEX CONCURRENTLY IF EXISTS {index};", migration, suppressTransaction: efCore),
        };

        foreach (var setting in settings)
        {
            edits[setting] = null;
        }

        var constraintUp = settings
            .Append(Sql(receiver, $"ALTER TABLE {quotedTable} ADD CONSTRAINT {quotedName} {kind} USING INDEX {quotedName};", migration, suppressTransaction: false))
            .ToArray();

        // Back to the index alone, as the original leaves it: dropping the constraint drops its index, so it is built
        // again, in the same transaction, so that no duplicate gets in between.
        var constraintDown = new[]
        {
            NewMigrationWriter.WithComment(
                Sql(receiver, $"ALTER TABLE {quotedTable} DROP CONSTRAINT {quotedName};", migration, suppressTransaction: false),
                $"Back to the unique index {migration.Name} builds: dropping the constraint drops its index, which is built again in the same transaction.",
                migration),
            Sql(receiver, $"CREATE UNIQUE INDEX {quotedName} ON {quotedTable} ({columns});", migration, suppressTransaction: false),
        };

        var plan = new NewMigrationsPlan(migration, edits, new[] { new NewMigration(ids[0], constraintUp, constraintDown) });
        return new Plan(plan, attribute, none);
    }

    /// <summary><c>Sql("SET LOCAL lock_timeout …")</c> and the like: settings that only bound the waits of the same transaction.</summary>
    private static bool IsTimeoutSetting(MigrationOperation operation)
        => operation is { Kind: MigrationOperationKind.Sql, SuppressesTransaction: false, Statement: ExpressionStatementSyntax { Expression: var expression } }
            && expression == operation.Syntax
            && operation.DatabaseConditions.IsEmpty
            && TimeoutSettingSql.IsOnlyTimeoutSettings(operation.SqlText);

    /// <summary>The schema and columns, when every argument is a literal the fix can read; null otherwise (no guess).</summary>
    private static (string? Schema, ImmutableArray<string> Columns)? Columns(Compilation compilation, MigrationInfo migration, MigrationOperation operation)
    {
        if (migration.Framework == MigrationFramework.EntityFrameworkCore)
        {
            if (!operation.Annotations.IsEmpty || !operation.Arguments.Keys.All(EfArguments.Contains)
                || (operation.GetArgument("schema") is { } schemaArgument && !schemaArgument.IsNull && schemaArgument.StringValue is null)
                || (operation.GetArgument("columns") ?? operation.GetArgument("column")) is not { } columnsArgument)
            {
                return null;
            }

            var model = compilation.GetSemanticModel(operation.Syntax.SyntaxTree);
            var columns = ArgumentReader.StringList(model, columnsArgument, default);
            return columns.IsDefaultOrEmpty || columns.Length != operation.Columns.Length ? null : (operation.GetArgument("schema")?.StringValue, columns);
        }

        // FluentMigrator: Create.UniqueConstraint(name).OnTable(t)[.WithSchema(s)].Column(c) | .Columns(a, b)
        string? schema = null;
        var fluentColumns = new List<string>();
        foreach (var call in operation.FluentCalls)
        {
            switch (call.Name)
            {
                case "Create" or "UniqueConstraint" or "PrimaryKey" or "OnTable":
                    break;
                case "WithSchema":
                    if (call.FirstString is not { } named)
                    {
                        return null;
                    }

                    schema = named;
                    break;
                case "Column" or "Columns":
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.StringValue is not { } column)
                        {
                            return null;
                        }

                        fluentColumns.Add(column);
                    }

                    break;
                default:
                    return null;
            }
        }

        return fluentColumns.Count == 0 ? null : (schema, fluentColumns.ToImmutableArray());
    }

    /// <summary>
    /// FluentMigrator: <c>[Migration(v)]</c> or <c>[Migration(v, "description")]</c>, which take TransactionBehavior as
    /// second argument (MIG1150's fix writes the same); other forms are left to the user.
    /// </summary>
    private static (AttributeSyntax Attribute, string None)? WithoutTransaction(Compilation compilation, MigrationInfo migration)
    {
        if (migration.IdAttribute is not { ArgumentList.Arguments: { Count: >= 1 and <= 2 } arguments } attribute
            || arguments.Any(argument => argument.NameColon is not null || argument.NameEquals is not null)
            || compilation.GetTypeByMetadataName("FluentMigrator.TransactionBehavior") is not { } behavior)
        {
            return null;
        }

        var model = compilation.GetSemanticModel(attribute.SyntaxTree);
        if (model.GetSymbolInfo(attribute).Symbol is not IMethodSymbol constructor
            || (arguments.Count == 2 && constructor.Parameters[1].Type.SpecialType != SpecialType.System_String))
        {
            return null;
        }

        var shortName = model.LookupNamespacesAndTypes(attribute.SpanStart, name: "TransactionBehavior");
        var typeName = shortName.Length == 1 && SymbolEqualityComparer.Default.Equals(shortName[0], behavior) ? "TransactionBehavior" : "global::FluentMigrator.TransactionBehavior";
        return (attribute, typeName + ".None");
    }

    /// <summary>What the migration calls operations on: <c>migrationBuilder</c> in EF Core, <c>Execute</c> in FluentMigrator.</summary>
    private static string? Receiver(MigrationInfo migration, MigrationOperation operation)
        => migration.Framework == MigrationFramework.FluentMigrator
            ? "Execute"
            : operation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver } } ? receiver.ToString() : null;

    private static StatementSyntax Sql(string receiver, string sql, MigrationInfo migration, bool suppressTransaction)
        => NewMigrationWriter.Statement(
            $"{receiver}.Sql({SymbolDisplay.FormatLiteral(sql, quote: true)}{(suppressTransaction ? ", suppressTransaction: true" : string.Empty)});",
            migration);
}
