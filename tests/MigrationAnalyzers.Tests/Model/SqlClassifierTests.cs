using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Tests.Model;

public class SqlClassifierTests
{
    [Theory]
    [InlineData("UPDATE Orders SET Status = 0 WHERE Status IS NULL")]
    [InlineData("insert into Users (Name) values ('admin')")]
    [InlineData("DELETE FROM Sessions")]
    [InlineData("MERGE INTO Prices AS t USING Staging AS s ON t.Id = s.Id WHEN MATCHED THEN UPDATE SET t.Value = s.Value;")]
    [InlineData("WITH old AS (SELECT Id FROM Orders WHERE Year < 2000) DELETE FROM Orders WHERE Id IN (SELECT Id FROM old)")]
    [InlineData("IF NOT EXISTS (SELECT 1 FROM Roles WHERE Name = 'admin') INSERT INTO Roles (Name) VALUES ('admin')")]
    [InlineData("SET IDENTITY_INSERT Roles ON; INSERT INTO Roles (Id, Name) VALUES (1, 'admin'); SET IDENTITY_INSERT Roles OFF;")]
    [InlineData("-- backfill\nUPDATE Orders SET Total = 0 /* no DROP here */")]
    public void Data_statements_are_data(string sql)
        => Assert.Equal(SqlStatementKinds.Data, SqlClassifier.Classify(sql) & ~SqlStatementKinds.Other);

    [Theory]
    [InlineData("CREATE TABLE Orders (Id int, CustomerId int REFERENCES Customers (Id) ON DELETE CASCADE ON UPDATE NO ACTION)")]
    [InlineData("ALTER TABLE Orders ADD CONSTRAINT FK_Orders_Customers FOREIGN KEY (CustomerId) REFERENCES Customers (Id)\n    ON DELETE CASCADE")]
    [InlineData("DROP INDEX IX_Orders_Status")]
    [InlineData("CREATE TRIGGER trg AFTER INSERT ON Orders BEGIN UPDATE Stats SET Count = Count + 1; END;")]
    [InlineData("CREATE PROCEDURE dbo.Archive AS\nBEGIN\n    DELETE FROM Orders WHERE Archived = 1;\n    UPDATE Stats SET Archived = 1;\nEND")]
    [InlineData("CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$ BEGIN UPDATE t SET x = 1; RETURN NEW; END $$ LANGUAGE plpgsql;")]
    [InlineData("EXEC sp_rename 'Orders.Total', 'Amount', 'COLUMN'")]
    [InlineData("CREATE VIEW ActiveOrders AS SELECT * FROM Orders WHERE Note <> 'DELETE me'")]
    [InlineData("-- DELETE FROM Orders\nCREATE INDEX IX_Orders_Date ON Orders (Date)")]
    public void Schema_statements_are_schema(string sql)
        => Assert.Equal(SqlStatementKinds.Schema, SqlClassifier.Classify(sql) & ~SqlStatementKinds.Other);

    [Theory]
    [InlineData("ALTER TABLE Orders ADD Status int NULL\nGO\nUPDATE Orders SET Status = 0")]
    [InlineData("ALTER TABLE Orders ADD Status int NULL\nUPDATE Orders SET Status = 0")]
    [InlineData("CREATE TRIGGER trg AFTER INSERT ON Orders BEGIN UPDATE Stats SET Count = Count + 1; END; INSERT INTO Stats (Count) VALUES (0);")]
    public void Scripts_that_do_both_are_both(string sql)
        => Assert.Equal(SqlStatementKinds.Data | SqlStatementKinds.Schema, SqlClassifier.Classify(sql) & ~SqlStatementKinds.Other);

    [Theory]
    [InlineData("SELECT 'UPDATE Orders' FROM Orders")]
    [InlineData("PRAGMA foreign_keys = OFF;")]
    [InlineData("/* UPDATE x SET y = 1 */ SELECT 1")]
    [InlineData("SELECT \"DELETE\", [DROP] FROM t")]
    [InlineData("BEGIN TRANSACTION; SELECT 1; COMMIT;")]
    public void Other_statements_are_neither(string sql)
        => Assert.Equal(SqlStatementKinds.Other, SqlClassifier.Classify(sql));

    [Theory]
    [InlineData("UPDATE t SET a = 'unterminated")]
    [InlineData("/* never closed UPDATE")]
    [InlineData("CREATE TRIGGER t BEGIN UPDATE x SET y = 1;")]
    [InlineData("$tag$ unclosed dollar body")]
    [InlineData("[unclosed name")]
    [InlineData(";;;GO\nGO;")]
    [InlineData("")]
    [InlineData(null)]
    public void Broken_sql_never_throws(string? sql)
    {
        var kinds = SqlClassifier.Classify(sql);
        Assert.True(kinds >= SqlStatementKinds.None);
    }
}
