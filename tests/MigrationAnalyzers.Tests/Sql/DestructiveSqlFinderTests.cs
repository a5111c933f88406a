using System.Linq;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Tests.Sql;

public class DestructiveSqlFinderTests
{
    private static string[] Find(string sql) => DestructiveSqlFinder.Find(sql).Select(s => s.Describe()).ToArray();

    [Theory]
    [InlineData("DROP TABLE \"Orders\";", "drops table 'Orders'")]
    [InlineData("drop table if exists sales.\"Orders\" cascade", "drops table 'sales.Orders'")]
    [InlineData("DROP TABLE [dbo].[Orders]", "drops table 'dbo.Orders'")]
    [InlineData("ALTER TABLE \"Orders\" DROP COLUMN \"Total\"", "drops column 'Orders.Total'")]
    [InlineData("ALTER TABLE Orders DROP Total", "drops column 'Orders.Total'")]
    [InlineData("ALTER TABLE IF EXISTS ONLY Orders DROP COLUMN IF EXISTS Total", "drops column 'Orders.Total'")]
    [InlineData("TRUNCATE TABLE `Orders`", "empties table 'Orders' (TRUNCATE)")]
    [InlineData("DELETE FROM Orders", "deletes every row of 'Orders' (DELETE without WHERE)")]
    [InlineData("DELETE FROM Orders WHERE Id IN (SELECT Id FROM Archive)", null)]
    [InlineData("DELETE FROM Orders USING (SELECT 1 FROM x WHERE y) z", "deletes every row of 'Orders' (DELETE without WHERE)")]
    [InlineData("UPDATE Orders SET Total = 0", "overwrites every row of 'Orders' (UPDATE without WHERE)")]
    [InlineData("UPDATE Orders SET Total = (SELECT max(x) FROM y WHERE z) ", "overwrites every row of 'Orders' (UPDATE without WHERE)")]
    [InlineData("UPDATE Orders SET Total = 0 WHERE Total IS NULL", null)]
    [InlineData("WITH old AS (SELECT Id FROM Orders) DELETE FROM Orders", "deletes every row of 'Orders' (DELETE without WHERE)")]
    [InlineData("DO $$ BEGIN DELETE FROM \"Orders\"; END $$", "deletes every row of 'Orders' (DELETE without WHERE)")]
    [InlineData("DELETE FROM {table}", "deletes every row of '{table}' (DELETE without WHERE)")]
    public void Finds_destructive_statements(string sql, string? expected)
    {
        Assert.Equal(expected is null ? System.Array.Empty<string>() : new[] { expected }, Find(sql));
    }

    [Theory]
    [InlineData("-- DROP TABLE Orders\nSELECT 1")]
    [InlineData("/* TRUNCATE Orders; */ SELECT 1")]
    [InlineData("INSERT INTO Audit (Text) VALUES ('DELETE FROM Orders; DROP TABLE Orders')")]
    [InlineData("CREATE FUNCTION f() RETURNS void AS $body$ DELETE FROM Orders; $body$ LANGUAGE sql")]
    [InlineData("ALTER TABLE Orders DROP CONSTRAINT FK_Orders_Customers")]
    [InlineData("ALTER TABLE Orders ALTER COLUMN Total DROP NOT NULL, ALTER COLUMN Total DROP DEFAULT")]
    [InlineData("DROP INDEX CONCURRENTLY IF EXISTS \"IX_Orders_Total\"")]
    [InlineData("ALTER TABLE Orders ADD CONSTRAINT FK FOREIGN KEY (CustomerId) REFERENCES Customers (Id) ON DELETE CASCADE ON UPDATE CASCADE")]
    [InlineData("INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = 2")]
    [InlineData("SELECT * FROM Orders FOR UPDATE")]
    [InlineData("CREATE TEMP TABLE work AS SELECT 1; DELETE FROM work; DROP TABLE work")]
    [InlineData("DROP TABLE #work; TRUNCATE TABLE #work")]
    [InlineData("DELETE TOP (1000) FROM Orders")]
    [InlineData("UPDATE \"Orders\" SET \"Note\" = 'DROP TABLE x' WHERE \"Id\" = 1")]
    public void Stays_silent(string sql)
    {
        Assert.Empty(Find(sql));
    }

    [Fact]
    public void Several_statements_and_columns()
    {
        Assert.Equal(
            new[] { "drops column 'Orders.A'", "drops column 'Orders.B'", "drops table 'Legacy'" },
            Find("ALTER TABLE Orders DROP COLUMN A, B; DROP TABLE Legacy;"));
    }

    [Fact]
    public void Update_reports_the_columns_it_assigns()
    {
        var statement = Assert.Single(DestructiveSqlFinder.Find("UPDATE o SET \"Total\" = 0, o.Note = 'x;y' FROM Orders o"));
        Assert.Equal(new[] { "Total", "Note" }, statement.AssignedColumns);
    }
}
