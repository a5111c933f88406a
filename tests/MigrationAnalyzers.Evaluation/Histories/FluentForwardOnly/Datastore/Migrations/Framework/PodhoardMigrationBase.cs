using System;
using FluentMigrator;

namespace Podhoard.Core.Datastore.Migrations.Framework
{
    /// <summary>
    /// Base class of every Podhoard migration. The same assembly migrates two databases (the library and the log), so Up
    /// dispatches to the template method of the database being migrated. Installations are never downgraded: users
    /// restore the backup the updater takes before each upgrade, so Down throws.
    /// </summary>
    public abstract class PodhoardMigrationBase : Migration
    {
        public int Version
        {
            get
            {
                var attribute = (MigrationAttribute?)Attribute.GetCustomAttribute(GetType(), typeof(MigrationAttribute));
                return attribute is null ? -1 : (int)attribute.Version;
            }
        }

        public sealed override void Up()
        {
            switch (MigrationContext.Current.Database)
            {
                case MigrationDatabase.Library:
                    UpgradeMain();
                    break;
                case MigrationDatabase.Log:
                    UpgradeLog();
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(MigrationContext.Current.Database), MigrationContext.Current.Database, "Unknown database");
            }
        }

        public sealed override void Down()
        {
            throw new NotImplementedException("Podhoard does not downgrade databases; restore the pre-upgrade backup instead.");
        }

        protected virtual void UpgradeMain()
        {
        }

        protected virtual void UpgradeLog()
        {
        }
    }
}
