using System;
using Microsoft.EntityFrameworkCore;
using Mediabox.Database.Entities;

namespace Mediabox.Database
{
    // The server opens one context per request against library.db; migrations run once at startup
    // (Database.MigrateAsync) before the HTTP listener starts.
    public class MediaboxDbContext : DbContext
    {
        public MediaboxDbContext(DbContextOptions<MediaboxDbContext> options)
            : base(options)
        {
        }

        public DbSet<ActivityLog> ActivityLogs => Set<ActivityLog>();
        public DbSet<AncestorId> AncestorIds => Set<AncestorId>();
        public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
        public DbSet<Chapter> Chapters => Set<Chapter>();
        public DbSet<CustomItemDisplayPreferences> CustomItemDisplayPreferences => Set<CustomItemDisplayPreferences>();
        public DbSet<Device> Devices => Set<Device>();
        public DbSet<DeviceOptions> DeviceOptions => Set<DeviceOptions>();
        public DbSet<DisplayPreferences> DisplayPreferences => Set<DisplayPreferences>();
        public DbSet<ImageInfo> ImageInfos => Set<ImageInfo>();
        public DbSet<ItemDisplayPreferences> ItemDisplayPreferences => Set<ItemDisplayPreferences>();
        public DbSet<ItemValue> ItemValues => Set<ItemValue>();
        public DbSet<ItemValueMap> ItemValuesMap => Set<ItemValueMap>();
        public DbSet<MediaItem> MediaItems => Set<MediaItem>();
        public DbSet<MediaItemImageInfo> MediaItemImages => Set<MediaItemImageInfo>();
        public DbSet<MediaItemProvider> MediaItemProviders => Set<MediaItemProvider>();
        public DbSet<MediaSegment> MediaSegments => Set<MediaSegment>();
        public DbSet<MediaStreamInfo> MediaStreamInfos => Set<MediaStreamInfo>();
        public DbSet<People> People => Set<People>();
        public DbSet<PeopleItemMap> PeopleItemMap => Set<PeopleItemMap>();
        public DbSet<Permission> Permissions => Set<Permission>();
        public DbSet<Preference> Preferences => Set<Preference>();
        public DbSet<TrickplayInfo> TrickplayInfos => Set<TrickplayInfo>();
        public DbSet<User> Users => Set<User>();
        public DbSet<UserItemData> UserData => Set<UserItemData>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            base.OnModelCreating(modelBuilder);

            modelBuilder.Entity<HomeSection>().ToTable("HomeSection");
            modelBuilder.Entity<UserItemData>().ToTable("UserData").HasKey(d => new { d.ItemId, d.UserId, d.CustomDataKey });
            modelBuilder.Entity<Chapter>().HasKey(c => new { c.ItemId, c.ChapterIndex });
            modelBuilder.Entity<MediaStreamInfo>().HasKey(s => new { s.ItemId, s.StreamIndex });
            modelBuilder.Entity<PeopleItemMap>().HasKey(m => new { m.ItemId, m.PeopleId });
            modelBuilder.Entity<TrickplayInfo>().HasKey(t => new { t.ItemId, t.Width });
            modelBuilder.Entity<ItemValue>().HasKey(v => v.ItemValueId);
            modelBuilder.Entity<ItemValueMap>().ToTable("ItemValuesMap").HasKey(m => new { m.ItemValueId, m.ItemId });
            modelBuilder.Entity<MediaItemProvider>().HasKey(p => new { p.ItemId, p.ProviderId });
            modelBuilder.Entity<AncestorId>().HasKey(a => new { a.ItemId, a.ParentItemId });
            modelBuilder.Entity<MediaItem>().Property(i => i.ExtraType).HasDefaultValue(ExtraType.Unknown);
            modelBuilder.Entity<MediaItem>().Property(i => i.IsLocked).HasDefaultValue(false);
            modelBuilder.Entity<DisplayPreferences>().Property(p => p.DashboardTheme).HasDefaultValue(string.Empty);
        }
    }
}
