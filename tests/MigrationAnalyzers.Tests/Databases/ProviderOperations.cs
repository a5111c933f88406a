using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace MigrationAnalyzers.Tests.Databases;

/// <summary>
/// The operations the migration rules judge, built as <c>dotnet ef migrations add</c> scaffolds them (old column
/// included), on one table <c>Widgets</c>: Id, Quantity (int), Name (string), At (timestamp).
/// </summary>
public static class ProviderOperations
{
    public const string IndexName = "IX_Widgets_Quantity";

    /// <summary><c>AlterColumn&lt;int&gt;("Quantity", nullable: false, defaultValue: 0, oldNullable: true)</c>.</summary>
    public static AlterColumnOperation MakeQuantityRequired(object? defaultValue)
        => new AlterColumnOperation
        {
            Table = ProviderSql.Table,
            Name = "Quantity",
            ClrType = typeof(int),
            IsNullable = false,
            DefaultValue = defaultValue,
            OldColumn = new AddColumnOperation { Table = ProviderSql.Table, Name = "Quantity", ClrType = typeof(int), IsNullable = true },
        };

    /// <summary>The target model after <see cref="MakeQuantityRequired"/> (SQLite rebuilds the table from it).</summary>
    public static Action<ModelBuilder> QuantityRequired(object? defaultValue)
        => defaultValue is null ? RequiredQuantityWithoutDefault : RequiredQuantityWithDefaultZero;

    private static readonly Action<ModelBuilder> RequiredQuantityWithoutDefault = model => Widgets(model, widget => widget.Property(w => w.Quantity).IsRequired());

    private static readonly Action<ModelBuilder> RequiredQuantityWithDefaultZero = model => Widgets(model, widget => widget.Property(w => w.Quantity).IsRequired().HasDefaultValue(0));

    /// <summary><c>CreateIndex("IX_Widgets_Quantity", "Widgets", "Quantity")</c> with an optional provider annotation.</summary>
    public static CreateIndexOperation CreateQuantityIndex(string? annotation = null)
    {
        var operation = new CreateIndexOperation { Name = IndexName, Table = ProviderSql.Table, Columns = new[] { "Quantity" } };
        if (annotation is not null)
        {
            operation.AddAnnotation(annotation, true);
        }

        return operation;
    }

    /// <summary><c>AlterColumn&lt;string&gt;("Name", maxLength: 100, oldMaxLength: 50)</c>.</summary>
    public static AlterColumnOperation GrowName(int from, int to)
        => new AlterColumnOperation
        {
            Table = ProviderSql.Table,
            Name = "Name",
            ClrType = typeof(string),
            MaxLength = to,
            IsNullable = true,
            OldColumn = new AddColumnOperation { Table = ProviderSql.Table, Name = "Name", ClrType = typeof(string), MaxLength = from, IsNullable = true },
        };

    public static readonly Action<ModelBuilder> NameOf100 = model => Widgets(model, widget => widget.Property(w => w.Name).HasMaxLength(100));

    /// <summary><c>AlterColumn&lt;DateTime&gt;("At", type: "timestamp with time zone", oldType: "timestamp without time zone")</c> (Npgsql).</summary>
    public static AlterColumnOperation AtToTimestampTz()
        => new AlterColumnOperation
        {
            Table = ProviderSql.Table,
            Name = "At",
            ClrType = typeof(DateTime),
            ColumnType = "timestamp with time zone",
            IsNullable = false,
            OldColumn = new AddColumnOperation { Table = ProviderSql.Table, Name = "At", ClrType = typeof(DateTime), ColumnType = "timestamp without time zone", IsNullable = false },
        };

    public static readonly Action<ModelBuilder> AtWithTimeZone = model => Widgets(model, widget => widget.Property(w => w.At).HasColumnType("timestamp with time zone"));

    /// <summary>
    /// <c>AddColumn&lt;int&gt;(name, "Widgets", nullable: false, defaultValue: …)</c>, or with <c>defaultValueSql</c>
    /// when the default is computed by the database (<c>random()</c> is volatile, <c>now()</c> stable).
    /// </summary>
    public static AddColumnOperation AddRequiredNumber(string name, object? defaultValue = null, string? defaultValueSql = null)
        => new AddColumnOperation
        {
            Table = ProviderSql.Table,
            Name = name,
            ClrType = typeof(int),
            IsNullable = false,
            DefaultValue = defaultValue,
            DefaultValueSql = defaultValueSql,
        };

    public static RenameColumnOperation RenameQuantity()
        => new RenameColumnOperation { Table = ProviderSql.Table, Name = "Quantity", NewName = "Amount" };

    public static RenameTableOperation RenameWidgets()
        => new RenameTableOperation { Name = ProviderSql.Table, NewName = "Gadgets" };

    public static readonly Action<ModelBuilder> Plain = model => Widgets(model, _ => { });

    private static void Widgets(ModelBuilder model, Action<Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Widget>> configure)
        => model.Entity<Widget>(widget =>
        {
            widget.ToTable(ProviderSql.Table);
            configure(widget);
        });

    public sealed class Widget
    {
        public int Id { get; set; }

        public int? Quantity { get; set; }

        public string? Name { get; set; }

        public DateTime At { get; set; }
    }
}
