using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.ApiMigration;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>The efcore pack against the real EF Core Relational packages a project upgrades through.</summary>
public class EfCorePackTests
{
    private const string Model = """
        using Microsoft.EntityFrameworkCore;

        namespace Blogging
        {
            public class Blog
            {
                public int Id { get; set; }
                public string Url { get; set; }
                public string Owner { get; set; }
            }

            public class BloggingContext : DbContext
            {
                public DbSet<Blog> Blogs { get; set; }
            }
        }
        """;

    private static CodeFixTest<RulePackAnalyzer, RulePackCodeFix> Test(string efCoreVersion, string source, string fixedSource)
    {
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix> { ReferenceAssemblies = TestReferences.EfCoreRelational(efCoreVersion) };
        test.TestState.Sources.Add(("/0/Model.cs", Model));
        test.TestState.Sources.Add(("/0/BlogQueries.cs", source));
        test.FixedState.Sources.Add(("/0/Model.cs", Model));
        test.FixedState.Sources.Add(("/0/BlogQueries.cs", fixedSource));
        test.NumberOfFixAllIterations = -3;
        return test;
    }

    private const string Queries = """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Blogging
        {
            public class BlogQueries
            {
                private readonly BloggingContext _db;

                public BlogQueries(BloggingContext db) => _db = db;

                public Blog ById(int id) => _db.Blogs.{|#0:{|CS1061:FromSql|}|}("SELECT * FROM Blogs WHERE Id = {0}", id).Single();

                public IQueryable<Blog> OwnedBy(string owner)
                    => _db.Blogs
                        .{|#1:{|CS1061:FromSql|}|}($"SELECT * FROM Blogs WHERE Owner = {owner}")
                        .OrderBy(b => b.Url);

                public int Purge(int days) => _db.Database.{|#2:{|CS1061:ExecuteSqlCommand|}|}("DELETE FROM Blogs WHERE Age > {0}", days);
            }
        }
        """;

    private const string FixedQueries = """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Blogging
        {
            public class BlogQueries
            {
                private readonly BloggingContext _db;

                public BlogQueries(BloggingContext db) => _db = db;

                public Blog ById(int id) => _db.Blogs.FromSqlRaw("SELECT * FROM Blogs WHERE Id = {0}", id).Single();

                public IQueryable<Blog> OwnedBy(string owner)
                    => _db.Blogs
                        .FromSqlInterpolated($"SELECT * FROM Blogs WHERE Owner = {owner}")
                        .OrderBy(b => b.Url);

                public int Purge(int days) => _db.Database.ExecuteSqlRaw("DELETE FROM Blogs WHERE Age > {0}", days);
            }
        }
        """;

    [Fact]
    public async Task EfCore_6_FromSql_and_ExecuteSqlCommand_no_longer_bind_and_are_rewritten_by_argument_kind()
    {
        // EF Core 6.0 has neither method any more (CS1061); EF Core 3.x/5.0 packages are not used here because their
        // dependencies are not all served, and the obsolete-as-error (CS0619) path is covered by RewriteKindTests.
        var test = Test("6.0.7", Queries, FixedQueries);
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2201", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments("FromSql was split into FromSqlRaw (SQL text with parameters) and FromSqlInterpolated (interpolated string) in EF Core 3.0."));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2201", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1).WithArguments("FromSql was split into FromSqlRaw (SQL text with parameters) and FromSqlInterpolated (interpolated string) in EF Core 3.0."));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2202", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(2).WithArguments("ExecuteSqlCommand was split into ExecuteSqlRaw and ExecuteSqlInterpolated in EF Core 3.0."));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task EfCore_6_ExecuteSqlCommandAsync_with_an_interpolated_string_becomes_ExecuteSqlInterpolatedAsync()
    {
        var source = """
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public static class Maintenance
                {
                    public static Task<int> ArchiveAsync(BloggingContext db, string owner)
                        => db.Database.{|CS1061:{|MIG2203:ExecuteSqlCommandAsync|}|}($"UPDATE Blogs SET Archived = 1 WHERE Owner = {owner}");
                }
            }
            """;
        var fixedSource = source.Replace("{|CS1061:{|MIG2203:ExecuteSqlCommandAsync|}|}", "ExecuteSqlInterpolatedAsync");
        await Test("6.0.7", source, fixedSource).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task EfCore_6_index_HasName_is_renamed_HasDatabaseName()
    {
        var source = """
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public class BlogModel
                {
                    public static void Configure(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Blog>()
                            .HasIndex(b => b.Url)
                            .{|MIG2204:HasName|}("IX_Blogs_Url") // unique per tenant
                            .IsUnique();
                    }
                }
            }
            """;
        var fixedSource = source.Replace("{|MIG2204:HasName|}", "HasDatabaseName");
        var test = Test("6.0.7", source, fixedSource);
        // HasName is obsolete (a warning) in 6.0.
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task EfCore_8_entity_level_HasCheckConstraint_moves_into_ToTable()
    {
        var source = """
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public class BlogModel
                {
                    public static void Configure(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Blog>()
                            .{|MIG2205:HasCheckConstraint|}("CK_Blogs_Url", "Url <> ''")
                            .HasKey(b => b.Id);
                    }
                }
            }
            """;
        var fixedSource = """
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public class BlogModel
                {
                    public static void Configure(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Blog>()
                            .ToTable(table => table.HasCheckConstraint("CK_Blogs_Url", "Url <> ''"))
                            .HasKey(b => b.Id);
                    }
                }
            }
            """;
        var test = Test(TestReferences.EfCoreVersion, source, fixedSource);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task EfCore_8_FromSql_is_the_new_API_and_is_not_reported()
    {
        var source = """
            using System.Linq;
            using Microsoft.EntityFrameworkCore;

            namespace Blogging
            {
                public class BlogQueries
                {
                    public static IQueryable<Blog> OwnedBy(BloggingContext db, string owner)
                        => db.Blogs.FromSql($"SELECT * FROM Blogs WHERE Owner = {owner}");
                }
            }
            """;
        await Test(TestReferences.EfCoreVersion, source, source).RunAsync(CancellationToken.None);
    }
}
