namespace Dispatch.Data.Migrations.Framework
{
    public enum MigrationDatabase
    {
        Main,
        Log,
    }

    /// <summary>Which database the runner is migrating; set by the host before each run (one runner per database).</summary>
    public static class MigrationTarget
    {
        public static MigrationDatabase Current { get; set; } = MigrationDatabase.Main;
    }
}
