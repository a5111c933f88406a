using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.ApiMigration;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>
/// The EF Core 7 → 8 → 9 → 10 rules of the efcore pack (MIG2206-MIG2217), each on the real packages of the release that
/// introduced its change (reported) and of the release before it (silent, with the same code compiling there).
/// </summary>
public class EfCoreUpgradePackTests
{
    private const string OnlyEfCorePack = "is_global = true\nmigration_analyzers.builtin_packs = efcore\n";

    private const string Model = """
        using System.Collections.Generic;
        using Microsoft.EntityFrameworkCore;

        namespace Blogging
        {
            public enum BlogStatus { Draft, Published }

            public class BlogMetadata
            {
                public BlogStatus Status { get; set; }
                public string Theme { get; set; }
            }

            public class Blog
            {
                public int Id { get; set; }
                public string Url { get; set; }
                public BlogMetadata Metadata { get; set; }
            }

            public class BloggingContext : DbContext
            {
                public BloggingContext(DbContextOptions<BloggingContext> options) : base(options) { }

                public DbSet<Blog> Blogs { get; set; }
            }
        }
        """;

    /// <summary>The source with its diagnostic markup removed: what the same code looks like to the release before.</summary>
    private static string WithoutMarkup(string source) => Regex.Replace(source, @"\{\|MIG\d+:(.*?)\|\}", "$1");

    private static Task AnalyzeAsync(ReferenceAssemblies references, string source, bool withModel = true)
    {
        var test = new CSharpAnalyzerTest<RulePackAnalyzer, DefaultVerifier> { ReferenceAssemblies = references };
        test.TestState.AnalyzerConfigFiles.Add(("/.packs.globalconfig", OnlyEfCorePack));
        if (withModel)
        {
            test.TestState.Sources.Add(("/0/Model.cs", Model));
        }

        test.TestState.Sources.Add(("/0/Code.cs", source));
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Reported with <paramref name="after"/>, silent with <paramref name="before"/>: both sides of the rule's version bound.</summary>
    private static async Task ReportedFromAsync(ReferenceAssemblies after, ReferenceAssemblies before, string source, bool withModel = true)
    {
        await AnalyzeAsync(after, source, withModel);
        await AnalyzeAsync(before, WithoutMarkup(source), withModel);
    }

    [Fact]
    public async Task MIG2206_UseSqlServer_without_options_is_reported_from_EF_Core_8_and_not_on_7()
    {
        var source = """
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public static class Setup
                {
                    public static void Plain(DbContextOptionsBuilder options, string connectionString)
                        => options.{|MIG2206:UseSqlServer|}(connectionString);

                    public static void Generic(DbContextOptionsBuilder<BloggingContext> options, string connectionString)
                        => options.{|MIG2206:UseSqlServer|}(connectionString);

                    // With an options action the compatibility level can be set there (UseCompatibilityLevel is new
                    // in EF Core 8, so the code that compiles on both sides sets something else): not reported.
                    public static void WithOptions(DbContextOptionsBuilder options, string connectionString)
                        => options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure());

                    public static void GenericWithOptions(DbContextOptionsBuilder<BloggingContext> options, string connectionString)
                        => options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure());

                    public static void StaticForm(DbContextOptionsBuilder options, string connectionString)
                        => SqlServerDbContextOptionsExtensions.UseSqlServer(options, connectionString, sql => sql.EnableRetryOnFailure());

                    public static void StaticFormWithoutOptions(DbContextOptionsBuilder options, string connectionString)
                        => SqlServerDbContextOptionsExtensions.{|MIG2206:UseSqlServer|}(options, connectionString);
                }
            }
            """;
        await ReportedFromAsync(TestReferences.EfCoreSqlServer, TestReferences.EfCoreSqlServer7, source);
    }

    [Fact]
    public async Task MIG2206_message_says_how_to_keep_the_old_translation()
    {
        var source = """
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public static class Setup
                {
                    public static void Plain(DbContextOptionsBuilder options, string connectionString)
                        => options.{|#0:UseSqlServer|}(connectionString);
                }
            }
            """;
        var test = new CSharpAnalyzerTest<RulePackAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.EfCoreSqlServer };
        test.TestState.AnalyzerConfigFiles.Add(("/.packs.globalconfig", OnlyEfCorePack));
        test.TestState.Sources.Add(("/0/Model.cs", Model));
        test.TestState.Sources.Add(("/0/Code.cs", source));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2206", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments(
            "EF Core 8 translates Contains over a parameter collection to OPENJSON, which SQL Server 2014 and older, and databases below compatibility level 130, cannot run; this UseSqlServer call does not set a compatibility level. "
            + "If the server is older than SQL Server 2016, or the database still runs at an older compatibility level (often an Azure SQL database moved from an on-premises server), pass o => o.UseCompatibilityLevel(120) so EF keeps the old IN (…) translation; otherwise nothing needs to change. "
            + "EF Core 10 sends Contains as one parameter per value again, but other queries over primitive collections still use OPENJSON."));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MIG2207_ToJson_is_reported_from_EF_Core_8_and_not_on_7()
    {
        var source = """
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public static class BlogModel
                {
                    public static void Configure(ModelBuilder modelBuilder)
                        => modelBuilder.Entity<Blog>().OwnsOne(b => b.Metadata, metadata => metadata.{|MIG2207:ToJson|}());
                }
            }
            """;
        await ReportedFromAsync(TestReferences.EfCoreRelational8, TestReferences.EfCoreRelational7, source);
    }

    [Fact]
    public async Task MIG2208_DeclaringEntityType_is_reported_from_EF_Core_8_and_not_on_7()
    {
        var source = """
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Metadata;

            namespace Blogging
            {
                public static class ModelReport
                {
                    public static string TableOf(IProperty property) => property.{|MIG2208:DeclaringEntityType|}.GetTableName();

                    public static string NameOf(IReadOnlyProperty property) => property.{|MIG2208:DeclaringEntityType|}.Name;

                    public static string OwnerOf(IMutableProperty property) => property.{|MIG2208:DeclaringEntityType|}.Name;

                    public static string ConventionOwnerOf(IConventionProperty property) => property.{|MIG2208:DeclaringEntityType|}.Name;

                    // DeclaringType is the replacement and is not reported.
                    public static string TypeOf(IProperty property) => property.DeclaringType.Name;
                }
            }
            """;
        await ReportedFromAsync(TestReferences.EfCoreRelational8, TestReferences.EfCoreRelational7, source);
    }

    [Fact]
    public async Task MIG2209_IEntityTypeIgnoredConvention_is_reported_from_EF_Core_8_and_not_on_7()
    {
        var source = """
            using Microsoft.EntityFrameworkCore.Metadata.Builders;
            using Microsoft.EntityFrameworkCore.Metadata.Conventions;

            namespace Blogging
            {
                public sealed class AuditIgnoredConvention : {|MIG2209:IEntityTypeIgnoredConvention|}
                {
                    public void ProcessEntityTypeIgnored(IConventionModelBuilder modelBuilder, string name, System.Type type, IConventionContext<string> context)
                    {
                    }
                }
            }
            """;
        await ReportedFromAsync(TestReferences.EfCoreRelational8, TestReferences.EfCoreRelational7, source);
    }

    [Fact]
    public async Task MIG2210_Migrate_and_MigrateAsync_are_reported_from_EF_Core_9_and_not_on_8()
    {
        var source = """
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public static class Startup
                {
                    public static void Upgrade(BloggingContext db) => db.Database.{|MIG2210:Migrate|}();

                    public static Task UpgradeAsync(BloggingContext db) => db.Database.{|MIG2210:MigrateAsync|}();

                    // EnsureCreated does not apply migrations: not reported.
                    public static bool Create(BloggingContext db) => db.Database.EnsureCreated();
                }
            }
            """;
        await ReportedFromAsync(TestReferences.EfCoreRelational9, TestReferences.EfCoreRelational8, source);
    }

    [Fact]
    public async Task MIG2211_HasData_is_reported_from_EF_Core_9_and_not_on_8()
    {
        var source = """
            using System;
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public static class BlogSeed
                {
                    public static void Configure(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Blog>().{|MIG2211:HasData|}(new Blog { Id = 1, Url = "https://example.org" });
                        modelBuilder.Entity(typeof(Blog)).{|MIG2211:HasData|}(new { Id = 2, Url = "https://example.com" });
                        modelBuilder.Entity<Blog>().OwnsOne(b => b.Metadata, metadata => metadata.{|MIG2211:HasData|}(new { BlogId = 1, Status = BlogStatus.Draft, Theme = "dark" }));
                    }
                }
            }
            """;
        await ReportedFromAsync(TestReferences.EfCoreRelational9, TestReferences.EfCoreRelational8, source);
    }

    [Fact]
    public async Task MIG2212_EntityFrameworkEventSource_is_reported_from_EF_Core_9_and_not_on_8()
    {
        var source = """
            using System.Diagnostics.Tracing;
            using Microsoft.EntityFrameworkCore.Infrastructure;

            namespace Blogging
            {
                public static class Counters
                {
                    public static EventSource Source => {|MIG2212:EntityFrameworkEventSource|}.Log;
                }
            }
            """;
        await ReportedFromAsync(TestReferences.EfCoreRelational9, TestReferences.EfCoreRelational8, source);
    }

    [Fact]
    public async Task MIG2213_UseAzureSqlDefaults_is_reported_from_EF_Core_9_and_not_on_8()
    {
        var source = """
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public static class Setup
                {
                    public static void Azure(DbContextOptionsBuilder options, string connectionString)
                        => options.UseSqlServer(connectionString, sql => sql.{|MIG2213:UseAzureSqlDefaults|}());
                }
            }
            """;
        await ReportedFromAsync(TestReferences.EfCoreSqlServer9, TestReferences.EfCoreSqlServer, source);
    }

    private const string ParameterizedCollections = """
        using Microsoft.EntityFrameworkCore;

        namespace Blogging
        {
            public static class Setup
            {
                public static void Constants(DbContextOptionsBuilder options, string connectionString)
                    => options.UseSqlServer(connectionString, sql => sql.{|MIG2214:TranslateParameterizedCollectionsToConstants|}().EnableRetryOnFailure());

                public static void Parameters(DbContextOptionsBuilder options, string connectionString)
                    => options.UseSqlServer(connectionString, sql => sql.{|MIG2214:TranslateParameterizedCollectionsToParameters|}());
            }
        }
        """;

    [Fact]
    public async Task MIG2214_TranslateParameterizedCollections_is_silent_on_EF_Core_9_where_it_is_the_current_API()
        => await AnalyzeAsync(TestReferences.EfCoreSqlServer9, WithoutMarkup(ParameterizedCollections));

    [Fact]
    public async Task MIG2214_TranslateParameterizedCollections_becomes_UseParameterizedCollectionMode_on_EF_Core_10()
    {
        var fixedSource = """
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public static class Setup
                {
                    public static void Constants(DbContextOptionsBuilder options, string connectionString)
                        => options.UseSqlServer(connectionString, sql => sql.UseParameterizedCollectionMode(ParameterTranslationMode.Constant).EnableRetryOnFailure());

                    public static void Parameters(DbContextOptionsBuilder options, string connectionString)
                        => options.UseSqlServer(connectionString, sql => sql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                }
            }
            """;
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix> { ReferenceAssemblies = TestReferences.EfCoreSqlServer10 };
        test.TestState.AnalyzerConfigFiles.Add(("/.packs.globalconfig", OnlyEfCorePack));
        test.TestState.Sources.Add(("/0/Model.cs", Model));
        test.TestState.Sources.Add(("/0/Code.cs", ParameterizedCollections));
        test.FixedState.Sources.Add(("/0/Model.cs", Model));
        test.FixedState.Sources.Add(("/0/Code.cs", fixedSource));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MIG2215_GetQueryFilter_is_reported_from_EF_Core_10_and_not_on_9()
    {
        var source = """
            using System.Linq.Expressions;
            using Microsoft.EntityFrameworkCore.Metadata;

            namespace Blogging
            {
                public static class Filters
                {
                    public static LambdaExpression FilterOf(IReadOnlyEntityType entityType) => entityType.{|MIG2215:GetQueryFilter|}();
                }
            }
            """;
        await ReportedFromAsync(TestReferences.EfCoreRelational10, TestReferences.EfCoreRelational9, source);
    }

    [Fact]
    public async Task MIG2216_UseAzureSql_without_options_is_reported_from_EF_Core_10_and_not_on_9()
    {
        var source = """
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public static class Setup
                {
                    public static void Azure(DbContextOptionsBuilder options, string connectionString)
                        => options.{|MIG2216:UseAzureSql|}(connectionString);

                    // The options action can set the compatibility level: not reported.
                    public static void AzureAt160(DbContextOptionsBuilder options, string connectionString)
                        => options.UseAzureSql(connectionString, azure => azure.UseCompatibilityLevel(160));
                }
            }
            """;
        await ReportedFromAsync(TestReferences.EfCoreSqlServer10, TestReferences.EfCoreSqlServer9, source);
    }

    [Fact]
    public async Task MIG2217_SqliteDataReader_dates_are_reported_from_Microsoft_Data_Sqlite_10_and_not_on_9()
    {
        var source = """
            using System;
            using Microsoft.Data.Sqlite;

            namespace Blogging
            {
                public static class Rows
                {
                    public static DateTimeOffset PublishedAt(SqliteDataReader reader) => reader.{|MIG2217:GetDateTimeOffset|}(0);

                    public static DateTime CreatedAt(SqliteDataReader reader) => reader.{|MIG2217:GetDateTime|}(1);

                    // Strings are read as stored: not reported.
                    public static string Raw(SqliteDataReader reader) => reader.GetString(1);
                }
            }
            """;
        await ReportedFromAsync(TestReferences.DataSqlite10, TestReferences.DataSqlite9, source, withModel: false);
    }
}
