using System;
using System.Collections.Generic;
using System.Linq;

namespace MigrationAnalyzers.Corpus;

/// <summary>One column as the generator tracks it, with both the EF Core and the FluentMigrator spelling of its type.</summary>
internal sealed record Column(string Name, ColumnType Type, bool Nullable, int? MaxLength = null);

internal enum ColumnType
{
    Int,
    Long,
    String,
    Bool,
    DateTime,
    Decimal,
    Guid,
}

internal sealed class Table
{
    public Table(string name, string schema)
    {
        Name = name;
        Schema = schema;
        EntityName = name.EndsWith("ies", StringComparison.Ordinal) ? name[..^3] + "y" : name.TrimEnd('s');
    }

    public string Name { get; set; }

    public string Schema { get; }

    public List<Column> Columns { get; } = new List<Column>();

    public List<string> Indexes { get; } = new List<string>();

    public List<string> ForeignKeys { get; } = new List<string>();

    /// <summary>The entity class, named once at creation: renaming a table keeps the class.</summary>
    public string EntityName { get; }
}

/// <summary>The tables one history has created so far, so later migrations alter, rename and drop what exists.</summary>
internal sealed class Schema
{
    private static readonly string[] Nouns =
    {
        "Users", "Orders", "Products", "Customers", "Invoices", "Payments", "Shipments", "Categories", "Reviews", "Addresses",
        "Carts", "Coupons", "Warehouses", "Suppliers", "Refunds", "Subscriptions", "Tenants", "Roles", "Permissions", "AuditEntries",
    };

    private static readonly string[] ColumnNouns =
    {
        "Name", "Title", "Email", "Phone", "Status", "Notes", "Code", "Reference", "Amount", "Quantity",
        "CreatedAt", "UpdatedAt", "DeletedAt", "IsActive", "Priority", "Score", "ExternalId", "Slug", "Currency", "Region",
    };

    private readonly Random _random;
    private int _tableCounter;
    private int _columnCounter;

    public Schema(Random random, string schemaName)
    {
        _random = random;
        SchemaName = schemaName;
    }

    public string SchemaName { get; }

    public List<Table> Tables { get; } = new List<Table>();

    public string NewTableName()
    {
        var noun = Nouns[_tableCounter % Nouns.Length];
        var round = _tableCounter / Nouns.Length;
        _tableCounter++;
        return round == 0 ? noun : noun.TrimEnd('s') + round + "s";
    }

    public string NewColumnName(Table table)
    {
        for (var attempt = 0; ; attempt++)
        {
            var noun = ColumnNouns[_random.Next(ColumnNouns.Length)];
            var name = attempt < 3 ? noun : noun + (++_columnCounter);
            if (table.Columns.All(c => c.Name != name))
            {
                return name;
            }
        }
    }

    public Column NewColumn(Table table, bool? nullable = null)
    {
        var type = (ColumnType)_random.Next(7);
        var maxLength = type == ColumnType.String ? new[] { 50, 100, 200, 256, 500 }[_random.Next(5)] : (int?)null;
        return new Column(NewColumnName(table), type, nullable ?? _random.Next(3) > 0, maxLength);
    }

    public Table? AnyTable(Func<Table, bool>? where = null)
    {
        var candidates = where is null ? Tables : Tables.Where(where).ToList();
        return candidates.Count == 0 ? null : candidates[_random.Next(candidates.Count)];
    }

    /// <summary>A column that is not the key, so it can be dropped, renamed or altered.</summary>
    public Column? AnyPlainColumn(Table table)
    {
        var candidates = table.Columns.Skip(1).ToList();
        return candidates.Count == 0 ? null : candidates[_random.Next(candidates.Count)];
    }
}
