using System.Linq;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Tests.Sql;

public class AddedConstraintFinderTests
{
    [Fact]
    public void Reads_kind_name_table_and_the_safe_forms()
    {
        var found = AddedConstraintFinder.Find("""
            ALTER TABLE "sales"."Orders"
                ADD CONSTRAINT "FK_Orders_Customers" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") NOT VALID,
                ADD CONSTRAINT "CK_Orders_Total" CHECK ("Total" >= 0);
            -- ALTER TABLE "Orders" ADD CONSTRAINT "Ignored" UNIQUE ("Code");
            ALTER TABLE ONLY "Orders" ADD CONSTRAINT "UQ_Orders_Code" UNIQUE USING INDEX "IX_Orders_Code";
            ALTER TABLE "Orders" ADD PRIMARY KEY ("Id"), ADD COLUMN "Note" text;
            ALTER TABLE "Orders" VALIDATE CONSTRAINT "FK_Orders_Customers";
            """);

        Assert.Equal(
            new[]
            {
                "ForeignKey FK_Orders_Customers sales.Orders notvalid=True index=False",
                "Check CK_Orders_Total sales.Orders notvalid=False index=False",
                "Unique UQ_Orders_Code Orders notvalid=False index=True",
                "PrimaryKey  Orders notvalid=False index=False",
            },
            found.Select(c => $"{c.Kind} {c.Name} {c.Table} notvalid={c.NotValid} index={c.UsingIndex}"));
    }
}
