namespace Podhoard.Core.Datastore.Migrations.Framework
{
    public enum MigrationDatabase
    {
        Library,
        Log,
    }

    /// <summary>Set by the migration controller before it runs the migrations of one database.</summary>
    public sealed class MigrationContext
    {
        public static MigrationContext Current { get; set; } = new MigrationContext(MigrationDatabase.Library);

        public MigrationContext(MigrationDatabase database)
        {
            Database = database;
        }

        public MigrationDatabase Database { get; }

        public bool IsPostgres { get; init; }
    }
}
