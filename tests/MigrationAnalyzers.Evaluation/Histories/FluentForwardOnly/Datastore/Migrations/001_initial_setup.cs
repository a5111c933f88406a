using FluentMigrator;
using Podhoard.Core.Datastore.Migrations.Extensions;
using Podhoard.Core.Datastore.Migrations.Framework;

namespace Podhoard.Core.Datastore.Migrations
{
    [Migration(1)]
    public class initial_setup : PodhoardMigrationBase
    {
        protected override void UpgradeMain()
        {
            Create.TableForModel("Config")
                .WithColumn("Key").AsString().Unique()
                .WithColumn("Value").AsString();

            Create.TableForModel("Podcasts")
                .WithColumn("Title").AsString()
                .WithColumn("FeedUrl").AsString().Unique()
                .WithColumn("CleanTitle").AsString().Indexed()
                .WithColumn("Status").AsInt32()
                .WithColumn("Monitored").AsBoolean()
                .WithColumn("Path").AsString()
                .WithColumn("Added").AsDateTime()
                .WithColumn("LastRefreshed").AsDateTime().Nullable();

            Create.TableForModel("Episodes")
                .WithColumn("PodcastId").AsInt32().Indexed()
                .WithColumn("Guid").AsString()
                .WithColumn("Title").AsString()
                .WithColumn("AirDate").AsDateTime().Nullable()
                .WithColumn("Monitored").AsBoolean()
                .WithColumn("EpisodeFileId").AsInt32().Nullable();

            Create.TableForModel("EpisodeFiles")
                .WithColumn("PodcastId").AsInt32()
                .WithColumn("RelativePath").AsString()
                .WithColumn("Size").AsInt64()
                .WithColumn("DateAdded").AsDateTime();

            Create.TableForModel("History")
                .WithColumn("EpisodeId").AsInt32()
                .WithColumn("PodcastId").AsInt32()
                .WithColumn("SourceTitle").AsString()
                .WithColumn("Date").AsDateTime()
                .WithColumn("EventType").AsInt32()
                .WithColumn("Data").AsString().Nullable();

            Create.TableForModel("ScheduledTasks")
                .WithColumn("TypeName").AsString().Unique()
                .WithColumn("Interval").AsInt32()
                .WithColumn("LastExecution").AsDateTime();
        }

        protected override void UpgradeLog()
        {
            Create.TableForModel("Logs")
                .WithColumn("Message").AsString()
                .WithColumn("Time").AsDateTime().Indexed()
                .WithColumn("Logger").AsString()
                .WithColumn("Exception").AsString().Nullable()
                .WithColumn("ExceptionType").AsString().Nullable()
                .WithColumn("Level").AsString();
        }
    }
}
