using FluentMigrator;

namespace Library.Schema.Migrations;

[Migration(202401151000, "Long subtitles no longer fit")]
public class M202401151000_WidenBookTitles : AutoReversingMigration
{
    public override void Up()
    {
        // SQLite keeps text of any length; only the SQL Server databases need the wider column.
        IfDatabase("SqlServer").Alter.Column("Title").OnTable("Books").AsString(1000).NotNullable(); // MIG1003: FluentMigrator cannot reverse Alter.Column
    }
}
