using System;

namespace MigrationAnalyzers.Databases;

/// <summary>
/// The database a store type belongs to, as each EF Core provider scaffolds it (<c>type: "uuid"</c>,
/// <c>HasColumnType("nvarchar(max)")</c>): SQLite writes its four affinities in capitals (<c>TEXT</c>, <c>INTEGER</c>),
/// Npgsql writes PostgreSQL's long names in lower case (<c>character varying(100)</c>, <c>timestamp with time zone</c>),
/// Pomelo writes MySQL's own types (<c>longtext</c>, <c>char(36)</c>, <c>datetime(6)</c>), SQL Server's provider its
/// own (<c>nvarchar(max)</c>, <c>datetime2</c>, <c>uniqueidentifier</c>). Types every database shares (<c>int</c>,
/// <c>bigint</c>, <c>decimal(18,2)</c>) say nothing.
/// </summary>
public static class StoreTypes
{
    /// <summary>A type only one database (or only one provider's scaffolding) uses.</summary>
    public const int Distinctive = 3;

    /// <summary>A type one database's provider scaffolds, which another writes only by hand (<c>varchar(n)</c> for MySQL).</summary>
    public const int Suggestive = 1;

    public static DatabaseProvider Classify(string? storeType, out int weight)
    {
        weight = Distinctive;
        if (storeType is null)
        {
            weight = 0;
            return DatabaseProvider.Unknown;
        }

        var type = storeType.Trim();
        switch (type)
        {
            // EF Core's SQLite provider writes the affinities in capitals; the other providers write lower case.
            case "TEXT" or "INTEGER" or "BLOB" or "REAL":
                return DatabaseProvider.Sqlite;
            case "text" or "integer" or "uuid" or "boolean" or "jsonb" or "bytea" or "double precision" or "interval" or "inet" or "cidr"
                or "macaddr" or "citext" or "tsvector" or "hstore" or "ltree" or "xid" or "oid" or "regconfig":
                return DatabaseProvider.PostgreSql;
        }

        var lower = type.ToLowerInvariant();
        if (lower.EndsWith("[]", StringComparison.Ordinal)
            || lower.StartsWith("character varying", StringComparison.Ordinal)
            || lower.StartsWith("character(", StringComparison.Ordinal)
            || lower.StartsWith("bit varying", StringComparison.Ordinal)
            || (lower.StartsWith("timestamp", StringComparison.Ordinal) && lower.Contains("time zone"))
            || (lower.StartsWith("time", StringComparison.Ordinal) && lower.Contains("time zone")))
        {
            return DatabaseProvider.PostgreSql;
        }

        if (lower.StartsWith("nvarchar", StringComparison.Ordinal)
            || lower.StartsWith("nchar", StringComparison.Ordinal)
            || lower.StartsWith("datetime2", StringComparison.Ordinal)
            || lower.StartsWith("datetimeoffset", StringComparison.Ordinal)
            || lower is "ntext" or "uniqueidentifier" or "bit" or "money" or "smallmoney" or "rowversion" or "smalldatetime"
                or "hierarchyid" or "sql_variant" or "image" or "varbinary(max)" or "varchar(max)" or "geography" or "geometry")
        {
            // geography/geometry: SQL Server's spatial names; PostGIS columns are scaffolded as geometry (Point, 4326) and similar.
            return lower is "geometry" or "geography" ? Unknown(out weight) : DatabaseProvider.SqlServer;
        }

        if (lower is "char(36)" or "longtext" or "mediumtext" or "tinytext" or "longblob" or "mediumblob" or "tinyblob" or "tinyint(1)" or "double" or "year"
            || lower.StartsWith("datetime(", StringComparison.Ordinal)
            || lower.StartsWith("enum(", StringComparison.Ordinal)
            || lower.StartsWith("int(", StringComparison.Ordinal)
            || lower.StartsWith("bigint(", StringComparison.Ordinal)
            || (lower.StartsWith("timestamp(", StringComparison.Ordinal) && !lower.Contains("zone")))
        {
            return DatabaseProvider.MySql;
        }

        if (type.StartsWith("varchar(", StringComparison.Ordinal))
        {
            // Pomelo scaffolds varchar(n); SQL Server's provider only for unicode: false, Npgsql never.
            weight = Suggestive;
            return DatabaseProvider.MySql;
        }

        return Unknown(out weight);
    }

    private static DatabaseProvider Unknown(out int weight)
    {
        weight = 0;
        return DatabaseProvider.Unknown;
    }
}
