using System;
using FluentMigrator;

namespace Dispatch.Data.Migrations.Framework
{
    /// <summary>
    /// Every migration of the service derives from this class. Releases are never rolled back in place: a failed release
    /// is fixed forward, and a broken database is restored from the nightly backup. Down therefore throws.
    /// </summary>
    public abstract class DispatchMigrationBase : Migration
    {
        public sealed override void Up()
        {
            switch (MigrationTarget.Current)
            {
                case MigrationDatabase.Main:
                    UpgradeMain();
                    break;
                case MigrationDatabase.Log:
                    UpgradeLog();
                    break;
                default:
                    throw new InvalidOperationException("Unknown migration database " + MigrationTarget.Current);
            }
        }

        public sealed override void Down()
        {
            throw new NotSupportedException("Dispatch migrations are forward-only; restore a backup to go back.");
        }

        /// <summary>Changes to the main database.</summary>
        protected virtual void UpgradeMain()
        {
        }

        /// <summary>Changes to the log database.</summary>
        protected virtual void UpgradeLog()
        {
        }
    }
}
