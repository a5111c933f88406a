using System;
using System.IO;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Bulk;

/// <summary>
/// Bulk mode: <c>dotnet format analyzers --diagnostics MIG1020</c> splits every mixed migration of a project.
/// It does not write documents that a fix adds, so this proves the Fix All path writes the same-file shape, and
/// that the result still builds with warnings as errors.
/// </summary>
public class DotnetFormatSplitTests
{
    private const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="8.0.34" />
          </ItemGroup>
          <ItemGroup>
            <Analyzer Include="{ANALYZERS}/MigrationAnalyzers.dll" />
            <Analyzer Include="{ANALYZERS}/MigrationAnalyzers.CodeFixes.dll" />
          </ItemGroup>
        </Project>
        """;

    private const string Context = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop.Data;

        public class AppDbContext : DbContext
        {
            public AppDbContext(DbContextOptions<AppDbContext> options) : base(options) { }
        }
        """;

    private const string AddOrderStatus = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations;

        /// <inheritdoc />
        public partial class AddOrderStatus : Migration
        {
            /// <inheritdoc />
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<int>(name: "Status", table: "Orders", nullable: true);
                migrationBuilder.Sql("UPDATE Orders SET Status = 0");
            }

            /// <inheritdoc />
            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropColumn(name: "Status", table: "Orders");
            }
        }
        """;

    private const string ArchiveUsers = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            [DbContext(typeof(AppDbContext))]
            [Migration("20240302100000_ArchiveUsers")]
            public class ArchiveUsers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<bool>(name: "Archived", table: "Users", nullable: false, defaultValue: false);
                    migrationBuilder.UpdateData(table: "Users", keyColumn: "Id", keyValue: 1, column: "Archived", value: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.UpdateData(table: "Users", keyColumn: "Id", keyValue: 1, column: "Archived", value: false);
                    migrationBuilder.DropColumn(name: "Archived", table: "Users");
                }
            }
        }
        """;

    [Fact]
    public void Dotnet_format_splits_every_mixed_migration_in_the_same_file_and_the_project_builds()
    {
        var directory = Directory.CreateTempSubdirectory("mig1020-format-").FullName;
        try
        {
            var analyzers = Path.GetDirectoryName(typeof(MigrationAnalyzers.Rules.Migrations.SchemaAndDataInOneMigrationAnalyzer).Assembly.Location)!;
            File.WriteAllText(Path.Combine(directory, "Sample.csproj"), ProjectFile.Replace("{ANALYZERS}", analyzers));
            File.WriteAllText(Path.Combine(directory, "AppDbContext.cs"), Context);
            // SQLite alone would mean a single-instance deployment, where MIG1020 is silent; this project deploys rolling.
            File.WriteAllText(Path.Combine(directory, ".editorconfig"), "root = true\n\n[*.cs]\nmigration_analyzers.deployment = rolling\n");
            Directory.CreateDirectory(Path.Combine(directory, "Migrations"));
            var addOrderStatus = Path.Combine(directory, "Migrations", "20240301090000_AddOrderStatus.cs");
            var archiveUsers = Path.Combine(directory, "Migrations", "20240302100000_ArchiveUsers.cs");
            File.WriteAllText(addOrderStatus, AddOrderStatus);
            File.WriteAllText(Path.Combine(directory, "Migrations", "20240301090000_AddOrderStatus.Designer.cs"), Sources.Designer("AddOrderStatus", "20240301090000_AddOrderStatus"));
            File.WriteAllText(archiveUsers, ArchiveUsers);

            Succeed(directory, "restore Sample.csproj");
            Succeed(directory, "format analyzers Sample.csproj --diagnostics MIG1020 --no-restore");

            var orders = File.ReadAllText(addOrderStatus);
            Assert.Contains("[Migration(\"20240301090001_AddOrderStatusData\")]", orders);
            Assert.Contains("public class AddOrderStatusData : Migration", orders);
            Assert.Contains("public override IModel TargetModel => new AddOrderStatus().TargetModel;", orders);
            Assert.Equal(1, Occurrences(orders, "UPDATE Orders SET Status = 0"));
            Assert.True(orders.IndexOf("UPDATE Orders", StringComparison.Ordinal) > orders.IndexOf("class AddOrderStatusData", StringComparison.Ordinal));

            var users = File.ReadAllText(archiveUsers);
            Assert.Contains("[Migration(\"20240302100001_ArchiveUsersData\")]", users);
            Assert.True(users.IndexOf("value: false", StringComparison.Ordinal) > users.IndexOf("class ArchiveUsersData", StringComparison.Ordinal));
            Assert.Equal(3, Directory.GetFiles(Path.Combine(directory, "Migrations")).Length);

            // The generated code compiles without a compiler warning (nullable included); the package's own rules may still speak.
            var build = Succeed(directory, "build Sample.csproj --no-restore");
            Assert.DoesNotContain("warning CS", build);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Succeed(string directory, string arguments)
    {
        var (exitCode, output) = DotnetCli.Run(directory, arguments, TimeSpan.FromMinutes(4));
        Assert.True(exitCode == 0, "dotnet " + arguments + " failed:\n" + output);
        return output;
    }

    private static int Occurrences(string text, string value) => text.Split(value).Length - 1;
}
