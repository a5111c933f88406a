using System;

namespace MigrationAnalyzers.Operations;

/// <summary>How rules compare table names: case-insensitively, and a missing schema (the default one) matches any schema.</summary>
public static class TableName
{
    public static bool Matches(string? schemaA, string tableA, string? schemaB, string tableB)
        => string.Equals(tableA, tableB, StringComparison.OrdinalIgnoreCase)
           && (schemaA is null || schemaB is null || string.Equals(schemaA, schemaB, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>Users</c> or <c>auth.Users</c>, as messages show it.</summary>
    public static string Display(string? schema, string table) => schema is null ? table : schema + "." + table;
}
