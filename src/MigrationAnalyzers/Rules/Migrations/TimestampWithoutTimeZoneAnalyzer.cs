using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1192 (opt-in): a new PostgreSQL column (CreateTable, AddColumn in Up) of type <c>timestamp</c> / <c>timestamp
/// without time zone</c>. EF Core: only an explicit store type, since Npgsql 6+ maps <c>DateTime</c> to timestamptz
/// itself (older histories carry <c>type: "timestamp without time zone"</c> in every DateTime column). FluentMigrator:
/// <c>AsCustom("timestamp")</c>, and <c>AsDateTime()</c> / <c>AsDateTime2()</c>, which its PostgreSQL generator writes as
/// <c>timestamp</c>. Never a fix: the type decides which DateTime values the application can write and what it reads.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TimestampWithoutTimeZoneAnalyzer : MigrationRuleAnalyzer
{
    public TimestampWithoutTimeZoneAnalyzer()
        : base(MIG1192_TimestampWithoutTimeZone)
    {
    }

    protected override void AnalyzeMigration(MigrationRuleContext context)
    {
        foreach (var operation in context.Migration.Up.Operations)
        {
            if (operation.Kind is not (MigrationOperationKind.CreateTable or MigrationOperationKind.AddColumn)
                || operation.Table is not { } table
                || TargetDatabasePolicy.ForOperation(context.Database, operation) is not { } database
                || !database.Is(DatabaseProvider.PostgreSql))
            {
                continue;
            }

            foreach (var column in operation.ColumnDefinitions)
            {
                if (Finding(column) is { } finding)
                {
                    context.Report(MIG1192_TimestampWithoutTimeZone, finding.Location, TableName.Display(operation.Schema, table), column.Name ?? operation.Name ?? "?", finding.What);
                }
            }
        }
    }

    private static (Location Location, string What)? Finding(ColumnDefinition column)
    {
        if (StoreTypeArgument.Of(column) is { StringValue: { } storeType } argument)
        {
            var type = StoreTypeArgument.Normalized(storeType);
            return type is "timestamp" or "timestamp without time zone"
                ? (argument.Syntax.GetLocation(), "timestamp without time zone")
                : null;
        }

        // FluentMigrator's PostgreSQL type map: DbType.DateTime and DateTime2 are "timestamp", DateTimeOffset "timestamptz".
        if (column.FluentType is "AsDateTime" or "AsDateTime2"
            && column.FindCall(column.FluentType) is { Syntax: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation })
        {
            var location = Location.Create(invocation.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End));
            return (location, column.FluentType + "(), which FluentMigrator creates as timestamp without time zone on PostgreSQL");
        }

        return null;
    }
}
