using System;
using System.Collections.Generic;

using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// FluentMigrator has no model to show that the application stopped using a column or table, so the deprecation is
/// declared on an earlier migration with an attribute the project defines itself, matched by name (any namespace):
/// <code>
/// [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
/// public sealed class DeprecatesAttribute : Attribute
/// {
///     public DeprecatesAttribute(string table, string column = null) { }
///     public string Schema { get; set; }
/// }
///
/// [Migration(202403010900)]
/// [Deprecates("Users", "LegacyName")]   // column; [Deprecates("AuditLog")] for a whole table
/// public class StopUsingLegacyName : Migration { … }
/// </code>
/// </summary>
public sealed class DeprecationRecord
{
    public DeprecationRecord(MigrationInfo migration, string? schema, string table, string? column)
    {
        Migration = migration;
        Schema = schema;
        Table = table;
        Column = column;
    }

    /// <summary>The migration that carries the attribute: the deprecation starts when it is deployed.</summary>
    public MigrationInfo Migration { get; }

    public string? Schema { get; }

    public string Table { get; }

    /// <summary>Null when the whole table is deprecated.</summary>
    public string? Column { get; }

    public const string AttributeName = "DeprecatesAttribute";

    /// <summary>The <c>[Deprecates]</c> attributes on <paramref name="migration"/>.</summary>
    public static IEnumerable<DeprecationRecord> On(MigrationInfo migration)
    {
        foreach (var attribute in migration.Symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.Name != AttributeName
                || attribute.ConstructorArguments.Length == 0
                || attribute.ConstructorArguments[0].Value is not string table)
            {
                continue;
            }

            var column = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
            string? schema = null;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Schema")
                {
                    schema = named.Value.Value as string;
                }
            }

            yield return new DeprecationRecord(migration, schema, table, column);
        }
    }

    /// <summary>A table record covers every column of it; a column record covers that column.</summary>
    public bool Covers(string? schema, string table, string? column)
        => TableName.Matches(Schema, Table, schema, table)
           && (Column is null || (column is not null && string.Equals(Column, column, StringComparison.OrdinalIgnoreCase)));
}
