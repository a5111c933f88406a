using System.Linq;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Tests.Sql;

public class SqlFootprintTests
{
    [Theory]
    [InlineData("CREATE TABLE \"Staging\" (\"Id\" integer)", "Staging")]
    [InlineData("create unlogged table if not exists sales.\"Staging\" AS SELECT * FROM \"Orders\"", "sales.Staging")]
    [InlineData("CREATE TEMP TABLE work (id int)", "work")]
    [InlineData("CREATE INDEX \"IX_Orders_Code\" ON \"Orders\" (\"Code\")", "")]
    [InlineData("-- CREATE TABLE Staging (Id int)\nSELECT 1", "")]
    public void Reads_created_tables(string sql, string expected)
        => Assert.Equal(expected, string.Join(",", SqlFootprint.Of(sql).CreatedTables));

    [Theory]
    [InlineData("ALTER TABLE \"Orders\" ADD COLUMN \"Flag\" boolean", "Orders.Flag")]
    [InlineData("ALTER TABLE Orders ADD COLUMN IF NOT EXISTS Flag boolean, ADD COLUMN Note text", "Orders.Flag,Orders.Note")]
    [InlineData("ALTER TABLE [dbo].[Orders] ADD [Flag] bit NULL, [Note] nvarchar(10, 2) NULL", "dbo.Orders.Flag,dbo.Orders.Note")]
    [InlineData("ALTER TABLE Orders ADD Flag boolean, DROP COLUMN Code", "Orders.Flag")]
    [InlineData("ALTER TABLE Orders ADD CONSTRAINT CK_Code CHECK (Code IS NOT NULL)", "")]
    [InlineData("ALTER TABLE Orders ADD PRIMARY KEY (Id)", "")]
    [InlineData("ALTER TABLE Orders DROP COLUMN Code", "")]
    public void Reads_added_columns(string sql, string expected)
        => Assert.Equal(expected, string.Join(",", SqlFootprint.Of(sql).AddedColumns.Select(c => c.Table + "." + c.Column)));
}
