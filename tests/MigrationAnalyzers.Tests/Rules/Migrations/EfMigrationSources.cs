using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.Migrations;

/// <summary>An EF Core migration as `dotnet ef migrations add` lays it out: context, Designer half and hand-written half.</summary>
internal static class EfMigrationSources
{
    public static void Add(SolutionState state, string id, string className, string up, string down = "", string usings = "")
    {
        if (!state.Sources.Exists(source => source.filename == Sources.DbContextPath))
        {
            state.Sources.Add((Sources.DbContextPath, Sources.DbContext));
        }

        state.Sources.Add((Sources.DesignerPath(id), Sources.Designer(className, id)));
        state.Sources.Add((Sources.MigrationPath(id), Migration(className, up, down, usings)));
    }

    public static string Migration(string className, string up, string down = "", string usings = "")
        => $$"""
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;
        {{usings}}
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
        """;
}
