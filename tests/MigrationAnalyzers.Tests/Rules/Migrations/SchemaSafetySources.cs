using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>
/// Migrations as the tools write them, for the schema safety rules: an EF Core migration is its hand-written half
/// plus its Designer file (with the target model), a FluentMigrator migration one class. Sources may carry
/// diagnostic markup (<c>{|#0:…|}</c>).
/// </summary>
public static class SchemaSafetySources
{
    public static IEnumerable<(string Path, string Text)> EfMigration(string className, string id, string up, string down = "", string targetModel = "")
    {
        yield return (Sources.DesignerPath(id), Sources.Designer(className, id, targetModel));
        yield return (Sources.MigrationPath(id), $$"""
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Shop.Data.Migrations
            {
                /// <inheritdoc />
                public partial class {{className}} : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
            {{up}}
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
            {{down}}
                    }
                }
            }
            """);
    }

    public static (string Path, string Text) FmMigration(string className, long version, string up, string down = "")
        => ($"/0/Migrations/{className}.cs", $$"""
            using System;
            using FluentMigrator;

            namespace Shop.Migrations
            {
                [Migration({{version}})]
                public class {{className}} : Migration
                {
                    public override void Up()
                    {
            {{up}}
                    }

                    public override void Down()
                    {
            {{down}}
                    }
                }
            }
            """);

    /// <summary>Runs <typeparamref name="TAnalyzer"/> on the sources (and the DbContext) and expects exactly <paramref name="expected"/>.</summary>
    public static Task VerifyAsync<TAnalyzer>(IEnumerable<(string Path, string Text)> sources, string? editorConfig, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new Infrastructure.AnalyzerTest<TAnalyzer>();
        if (editorConfig is not null)
        {
            test.WithEditorConfig(editorConfig);
        }

        test.TestState.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
