using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Rules.Configuration;
using MigrationAnalyzers.Rules.Migrations;
using MigrationAnalyzers.Settings;
using MigrationAnalyzers.Tests.Infrastructure;
using MigrationAnalyzers.Tests.Rules.Migrations;
using DiagnosticResult = Microsoft.CodeAnalysis.Testing.DiagnosticResult;

namespace MigrationAnalyzers.Tests.Databases;

/// <summary>
/// <c>migration_analyzers.database_version</c>, its older form <c>target_database_version</c>, and the versions the
/// provider configuration shows in code: what they accept, what wins, and the verdicts they change (MIG1140's
/// PostgreSQL 11 defaults, MIG1050's PostgreSQL 12 SET NOT NULL advice).
/// </summary>
public class DatabaseVersionTests
{
    private const string Id = "20240801090000_AddOrderColumns";

    private const string AddPriority = """
                        {|#0:migrationBuilder.AddColumn<int>(name: "Priority", table: "Orders", nullable: false, defaultValue: 0)|};
            """;

    private const string Before11 = "a default, which before PostgreSQL 11 (the database version is 10.0) is written into every row";

    [Theory]
    [InlineData("postgresql 15", DatabaseProvider.PostgreSql, "15.0")]
    [InlineData("PostgreSQL 10.4", DatabaseProvider.PostgreSql, "10.4")]
    [InlineData("postgres 12", DatabaseProvider.PostgreSql, "12.0")]
    [InlineData("mysql 8.0", DatabaseProvider.MySql, "8.0")]
    [InlineData("mysql 8.0.36", DatabaseProvider.MySql, "8.0.36")]
    [InlineData("sqlserver 2022", DatabaseProvider.SqlServer, "2022.0")]
    [InlineData("sqlite 3.45", DatabaseProvider.Sqlite, "3.45")]
    public void Setting_values_name_a_database_and_its_version(string text, DatabaseProvider provider, string version)
    {
        var parsed = DatabaseVersion.Parse(text);
        Assert.NotNull(parsed);
        Assert.Equal(provider, parsed!.Provider);
        Assert.Equal(Version.Parse(version), parsed.Version);
        Assert.Null(DatabaseVersion.Validate(text));
    }

    [Theory]
    [InlineData("15")]
    [InlineData("postgresql")]
    [InlineData("postgresql fifteen")]
    [InlineData("oracle 19")]
    [InlineData("sqlserver 16")]
    [InlineData("postgresql 15 beta")]
    public void Malformed_values_are_not_versions(string text)
    {
        Assert.Null(DatabaseVersion.Parse(text));
        Assert.NotNull(DatabaseVersion.Validate(text));
    }

    [Fact]
    public async Task A_malformed_database_version_gets_MIG9001_and_the_other_settings_still_work()
    {
        var value = "postgres fifteen";
        var test = new AnalyzerTest<InvalidSettingAnalyzer> { TestCode = "class Program { }" }.WithEditorConfig(
            $"{SettingKeys.DatabaseVersion} = {value}\n{SettingKeys.TargetDatabase} = postgresql\n{SettingKeys.Baseline} = 20240101120000\n");
        test.ExpectedDiagnostics.Add(Verify<InvalidSettingAnalyzer>.Diagnostic("MIG9001").WithArguments(SettingKeys.DatabaseVersion, value, DatabaseVersion.Validate(value)!));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_malformed_database_version_leaves_MIG1140_on_a_current_server()
    {
        var test = DefaultTest(AddPriority.Replace("{|#0:", string.Empty).Replace("|};", ";"));
        test.WithEditorConfig($"{SettingKeys.DatabaseVersion} = postgres fifteen\n");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Database_version_below_11_reports_any_default()
    {
        var test = DefaultTest(AddPriority, Diagnostic1140(Before11));
        test.WithEditorConfig($"{SettingKeys.DatabaseVersion} = postgresql 10\n");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Database_version_11_and_later_is_silent_for_a_constant_default()
    {
        var test = DefaultTest(AddPriority.Replace("{|#0:", string.Empty).Replace("|};", ";"));
        test.WithEditorConfig($"{SettingKeys.DatabaseVersion} = postgresql 11\n");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_older_target_database_version_key_still_works()
    {
        var test = DefaultTest(AddPriority, Diagnostic1140(Before11));
        test.WithEditorConfig($"{SettingKeys.TargetDatabaseVersion} = 10\n");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_version_of_another_database_says_nothing_about_PostgreSQL()
    {
        var test = DefaultTest(AddPriority.Replace("{|#0:", string.Empty).Replace("|};", ";"));
        test.WithEditorConfig($"{SettingKeys.TargetDatabase} = postgresql\n{SettingKeys.DatabaseVersion} = mysql 5.7\n");
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SetPostgresVersion_in_code_gives_the_version()
    {
        var test = DefaultTest(AddPriority, Diagnostic1140(Before11));
        test.TestState.Sources.Add(("/0/Startup.cs", """
            using Microsoft.EntityFrameworkCore;

            namespace Shop.Data
            {
                public static class Registration
                {
                    public static void Configure(DbContextOptionsBuilder options)
                        => options.UseNpgsql("Host=db", o => o.SetPostgresVersion(10, 0));
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_setting_wins_over_the_code()
    {
        var test = DefaultTest(AddPriority.Replace("{|#0:", string.Empty).Replace("|};", ";"));
        test.TestState.Sources.Add(("/0/Startup.cs", """
            using System;
            using Microsoft.EntityFrameworkCore;

            namespace Shop.Data
            {
                public static class Registration
                {
                    public static void Configure(DbContextOptionsBuilder options)
                        => options.UseNpgsql("Host=db", o => o.SetPostgresVersion(new Version(10, 0)));
                }
            }
            """));
        test.WithEditorConfig($"{SettingKeys.DatabaseVersion} = postgresql 16\n");
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("o.SetPostgresVersion(12, 4)", DatabaseProvider.PostgreSql, "12.4")]
    [InlineData("o.SetPostgresVersion(new Version(9, 6))", DatabaseProvider.PostgreSql, "9.6")]
    [InlineData("new MySqlServerVersion(new Version(8, 0, 11))", DatabaseProvider.MySql, "8.0.11")]
    [InlineData("new MySqlServerVersion(\"8.0.36\")", DatabaseProvider.MySql, "8.0.36")]
    [InlineData("ServerVersion.Create(new Version(5, 7, 44), ServerType.MySql)", DatabaseProvider.MySql, "5.7.44")]
    [InlineData("ServerVersion.Create(8, 0, 21, ServerType.MySql)", DatabaseProvider.MySql, "8.0.21")]
    [InlineData("ServerVersion.Parse(\"8.0.30-mysql\")", DatabaseProvider.MySql, "8.0.30")]
    public void Versions_are_read_from_provider_configuration(string code, DatabaseProvider provider, string version)
    {
        var found = DatabaseVersionInCode.Read(SyntaxFactory.ParseExpression(code));
        Assert.NotNull(found);
        Assert.Equal(provider, found!.Provider);
        Assert.Equal(Version.Parse(version), found.Version);
    }

    [Theory]
    [InlineData("new MariaDbServerVersion(new Version(10, 6))")]
    [InlineData("ServerVersion.AutoDetect(connectionString)")]
    [InlineData("ServerVersion.Create(new Version(10, 6), ServerType.MariaDb)")]
    [InlineData("o.SetPostgresVersion(version)")]
    public void Versions_decided_at_run_time_or_of_MariaDB_are_not_read(string code)
        => Assert.Null(DatabaseVersionInCode.Read(SyntaxFactory.ParseExpression(code)));

    [Theory]
    [InlineData("options.UseNpgsql(c, o => o.SetPostgresVersion(12, 4));", true)]
    [InlineData("var v = new MySqlServerVersion(new Version(8, 0, 11));", true)]
    [InlineData("var v = ServerVersion.Parse(\"8.0.30-mysql\");", true)]
    [InlineData("var v = Pomelo.EntityFrameworkCore.MySql.Infrastructure.ServerVersion.Create(8, 0, 21, ServerType.MySql);", true)]
    [InlineData("modelBuilder.HasAnnotation(\"ProductVersion\", \"8.0.0\"); var v = new Version(1, 0);", false)]
    [InlineData("Version", false)]
    [InlineData("", false)]
    public void Only_files_that_name_a_version_setting_are_walked(string text, bool walked)
        => Assert.Equal(walked, DatabaseVersionInCode.MayStateVersion(Microsoft.CodeAnalysis.Text.SourceText.From(text)));

    [Fact]
    public void Two_different_versions_in_code_decide_nothing()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class C
            {
                void A(dynamic o) => o.SetPostgresVersion(10, 0);
                void B(dynamic o) => o.SetPostgresVersion(15, 0);
            }
            """);
        var compilation = CSharpCompilation.Create("two", new[] { tree });
        Assert.Null(DatabaseVersionInCode.For(compilation, DatabaseProvider.PostgreSql));
    }

    [Theory]
    [InlineData("10.0", false, false)]
    [InlineData("11.0", true, false)]
    [InlineData("12.0", true, true)]
    public void PostgreSQL_version_facts(string version, bool constantDefaultInPlace, bool notNullFromCheck)
    {
        Assert.Equal(constantDefaultInPlace, ProviderBehaviour.PostgreSql.AddsConstantDefaultInPlace(Version.Parse(version)));
        Assert.Equal(notNullFromCheck, ProviderBehaviour.PostgreSql.SetNotNullUsesValidatedCheck(Version.Parse(version)));
        Assert.True(ProviderBehaviour.PostgreSql.AddsConstantDefaultInPlace());
        Assert.False(ProviderBehaviour.SqlServer.SetNotNullUsesValidatedCheck());
    }

    [Theory]
    [InlineData("5.7", false)]
    [InlineData("8.0", false)]
    [InlineData("8.0.11", false)]
    [InlineData("8.0.12", true)]
    [InlineData("8.4", true)]
    public void MySQL_instant_add_column_fact(string version, bool instant)
    {
        Assert.Equal(instant, ProviderBehaviour.MySql.AddsColumnInstantly(Version.Parse(version)));
        Assert.False(ProviderBehaviour.PostgreSql.AddsColumnInstantly());
    }

    private static DiagnosticResult Diagnostic1140(string reason)
        => new DiagnosticResult("MIG1140", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Orders", "Priority", reason);

    private static AnalyzerTest<DefaultRewritesTableAnalyzer> DefaultTest(string up, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<DefaultRewritesTableAnalyzer> { ReferenceAssemblies = TestReferences.EfCoreNpgsql };
        EfMigrationSources.Add(test.TestState, Id, "AddOrderColumns", up);
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }
}
