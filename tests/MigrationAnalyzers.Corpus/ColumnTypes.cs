namespace MigrationAnalyzers.Corpus;

/// <summary>How each column type is spelled by EF Core (CLR and store type) and FluentMigrator (AsXxx), and a default value.</summary>
internal static class ColumnTypes
{
    public static string Clr(ColumnType type) => type switch
    {
        ColumnType.Int => "int",
        ColumnType.Long => "long",
        ColumnType.String => "string",
        ColumnType.Bool => "bool",
        ColumnType.DateTime => "DateTime",
        ColumnType.Decimal => "decimal",
        _ => "Guid",
    };

    public static string Store(Column column) => column.Type switch
    {
        ColumnType.Int => "int",
        ColumnType.Long => "bigint",
        ColumnType.String => $"nvarchar({column.MaxLength})",
        ColumnType.Bool => "bit",
        ColumnType.DateTime => "datetime2",
        ColumnType.Decimal => "decimal(18,2)",
        _ => "uniqueidentifier",
    };

    public static string Fluent(Column column) => column.Type switch
    {
        ColumnType.Int => "AsInt32()",
        ColumnType.Long => "AsInt64()",
        ColumnType.String => $"AsString({column.MaxLength})",
        ColumnType.Bool => "AsBoolean()",
        ColumnType.DateTime => "AsDateTime()",
        ColumnType.Decimal => "AsDecimal(18, 2)",
        _ => "AsGuid()",
    };

    public static string DefaultValue(ColumnType type) => type switch
    {
        ColumnType.Int => "0",
        ColumnType.Long => "0L",
        ColumnType.String => "\"\"",
        ColumnType.Bool => "false",
        ColumnType.DateTime => "new DateTime(2000, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified)",
        ColumnType.Decimal => "0m",
        _ => "Guid.Empty",
    };

    public static string SampleValue(ColumnType type, int seed) => type switch
    {
        ColumnType.Int => seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ColumnType.Long => seed + "L",
        ColumnType.String => $"\"Sample {seed}\"",
        ColumnType.Bool => seed % 2 == 0 ? "true" : "false",
        ColumnType.DateTime => $"new DateTime(2024, {1 + (seed % 12)}, {1 + (seed % 28)}, 0, 0, 0, 0, DateTimeKind.Utc)",
        ColumnType.Decimal => seed + ".5m",
        _ => "Guid.Empty",
    };

    /// <summary>The C# property type in an entity class.</summary>
    public static string Property(Column column)
    {
        var clr = Clr(column.Type);
        if (column.Type == ColumnType.String)
        {
            return column.Nullable ? "string?" : "string";
        }

        return column.Nullable ? clr + "?" : clr;
    }
}
