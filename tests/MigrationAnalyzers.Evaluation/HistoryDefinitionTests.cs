using System;
using System.IO;
using MigrationAnalyzers.Evaluation.Harness;

namespace MigrationAnalyzers.Evaluation;

public sealed class HistoryDefinitionTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "history-definition-" + Guid.NewGuid().ToString("N"));

    public HistoryDefinitionTests() => Directory.CreateDirectory(Path.Combine(_root, "Sample"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Reads_keys_repeated_includes_and_settings_and_strips_comments()
    {
        File.WriteAllText(Path.Combine(_root, "Sample", "history.ini"),
            "# a history\n" +
            "description = EF Core on PostgreSQL\n" +
            "references = efcore-npgsql        # one of the package sets\n" +
            "include = Shared/Domain\n" +
            "include = Shared\\Helpers/\n" +
            "setting = migration_analyzers.target_database = postgresql   # as the .editorconfig says\n" +
            "setting = migration_analyzers.baseline = 20240101000000\n");

        var history = HistoryDefinition.Load(_root, "Sample");

        Assert.Equal("EF Core on PostgreSQL", history.Description);
        Assert.Equal("efcore-npgsql", history.References);
        Assert.Equal(new[] { "Shared/Domain", "Shared/Helpers" }, history.Includes);
        Assert.Equal(new[] { "migration_analyzers.target_database = postgresql", "migration_analyzers.baseline = 20240101000000" }, history.Settings);
    }

    [Fact]
    public void Unknown_keys_are_errors()
    {
        File.WriteAllText(Path.Combine(_root, "Sample", "history.ini"), "references = fluentmigrator\nreference = efcore-sqlite\n");
        var error = Assert.Throws<FormatException>(() => HistoryDefinition.Load(_root, "Sample"));
        Assert.Contains(":2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Included_files_are_named_relative_to_the_histories_folder()
    {
        File.WriteAllText(Path.Combine(_root, "Sample", "history.ini"), "references = fluentmigrator\ninclude = Shared/Domain\n");
        Directory.CreateDirectory(Path.Combine(_root, "Sample", "Migrations"));
        Directory.CreateDirectory(Path.Combine(_root, "Sample", "obj"));
        Directory.CreateDirectory(Path.Combine(_root, "Shared", "Domain"));
        File.WriteAllText(Path.Combine(_root, "Sample", "Migrations", "M1.cs"), "class M1 { }");
        File.WriteAllText(Path.Combine(_root, "Sample", "obj", "Generated.cs"), "class Generated { }");
        File.WriteAllText(Path.Combine(_root, "Shared", "Domain", "Order.cs"), "class Order { }");

        var sources = HistoryDefinition.Load(_root, "Sample").Sources(_root);

        Assert.Equal(
            new[] { ("Migrations/M1.cs", "/src/Sample/Migrations/M1.cs"), ("Shared/Domain/Order.cs", "/src/Shared/Domain/Order.cs") },
            System.Linq.Enumerable.Select(sources, s => (s.ReportPath, s.TreePath)));
    }
}
