using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Tests.Reading;

/// <summary>
/// EF Core operations read from syntax are the operations the semantic model reads, argument for argument and node for
/// node; what the syntax cannot settle is left to the semantic model.
/// </summary>
public class SyntaxReadingTests
{
    private readonly ITestOutputHelper _output;

    public SyntaxReadingTests(ITestOutputHelper output) => _output = output;

    private const string Shapes = """"
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            public static class Tables
            {
                public const string Users = "Users";
                public static readonly string Dynamic = "Dyn" + DateTime.Now.Year;
            }

            public enum Status { Active = 1, Closed = 2 }

            public static class BuilderExtensions
            {
                public static void Audit(this MigrationBuilder builder, string table) { }
            }

            public partial class Shapes : Migration
            {
                private const string Schema = "sales";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(name: Schema);
                    migrationBuilder.EnsureSchema("positional");
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        schema: Schema,
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            UserId = table.Column<int>(nullable: false),
                            Total = table.Column<decimal>(name: "total_amount", precision: 18, scale: 2, nullable: false, defaultValue: 0m),
                            Created = table.Column<DateTime>(nullable: false, defaultValue: new DateTime(2020, 1, 1)),
                            Note = table.Column<string>("TEXT", null, 200, false, null, true),
                            Rate = table.Column<double?>(nullable: true, defaultValue: -1.5),
                            Data = table.Column<byte[]>(nullable: true),
                            State = table.Column<Status>(nullable: false, defaultValue: Status.Active)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Orders", x => new { x.Id, x.UserId });
                            table.ForeignKey(
                                name: "FK_Orders_Users_UserId",
                                column: x => x.UserId,
                                principalTable: Tables.Users,
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                            table.ForeignKey("FK_Two", x => new { x.Id, x.UserId }, "Other", new[] { "A", "B" });
                            table.UniqueConstraint("AK_Orders", x => x.Total);
                            table.CheckConstraint("CK_Total", "total_amount >= 0");
                        },
                        comment: "orders " + "table");

                    migrationBuilder.CreateTable(name: "Tiny", columns: t => new { Id = t.Column<long>() }, constraints: t => t.PrimaryKey("PK_Tiny", x => x.Id));
                    migrationBuilder.AddColumn<string>("Email", Tables.Users, maxLength: 200, nullable: true);
                    migrationBuilder.AddColumn<int>(name: "Count", table: "Users", nullable: false, defaultValue: -1);
                    migrationBuilder.AddColumn<long>(name: "Big", table: "Users", defaultValue: 0L);
                    migrationBuilder.AlterColumn<string>(name: "Email", table: "Users", maxLength: 300, oldClrType: typeof(string), oldMaxLength: 200, oldNullable: true);
                    migrationBuilder.CreateIndex(
                        name: "IX_Orders_UserId_Total",
                        schema: Schema,
                        table: "Orders",
                        columns: new[] { "UserId", "Total" },
                        unique: true,
                        filter: null)
                        .Annotation("Npgsql:CreatedConcurrently", true)
                        .Annotation("SqlServer:Online", true);
                    migrationBuilder.CreateIndex("IX_One", "Orders", "UserId");
                    migrationBuilder.CreateIndex("IX_Named", "Orders", new string[] { "A", "B" });
                    migrationBuilder.CreateIndex("IX_Nameof", "Orders", nameof(Shapes));
                    migrationBuilder.AddPrimaryKey("PK_Users", "Users", "Id");
                    migrationBuilder.AddForeignKey("FK_A", "Orders", "UserId", "Users", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                    migrationBuilder.AddForeignKey(name: "FK_B", table: "Orders", columns: new[] { "A", "B" }, principalTable: "Users", principalColumns: new[] { "C", "D" });
                    migrationBuilder.AddUniqueConstraint("AK_Users_Email", "Users", "Email");
                    migrationBuilder.RenameColumn(name: "Name", table: Tables.Users, newName: "FullName");
                    migrationBuilder.RenameTable("Old", newName: "New", newSchema: "archive");
                    migrationBuilder.RenameIndex("IX_A", "IX_B", "Orders");
                    migrationBuilder.DropIndex("IX_A", "Orders");
                    migrationBuilder.DropColumn(name: "Legacy", table: "Users");
                    migrationBuilder.DropForeignKey(name: "FK_X", table: "Orders");
                    migrationBuilder.DropPrimaryKey("PK_X", "Orders");
                    migrationBuilder.DropTable(name: "Obsolete");
                    migrationBuilder.DropTable(Tables.Dynamic);
                    migrationBuilder.CreateSequence<int>("seq", startValue: 10, incrementBy: 2);
                    migrationBuilder.CreateSequence("seq2");
                    migrationBuilder.RestartSequence("seq", 1);
                    migrationBuilder.AlterDatabase().Annotation("Npgsql:PostgresExtension:hstore", ",,");
                    migrationBuilder.InsertData("Users", "Id", 1);
                    migrationBuilder.InsertData(table: "Users", columns: new[] { "Id", "Name" }, values: new object[] { 2, "Bob" });
                    migrationBuilder.InsertData(table: "Users", columns: new[] { "Id", "Name" }, values: new object[,] { { 3, "C" }, { 4, "D" } });
                    migrationBuilder.UpdateData(table: "Users", keyColumn: "Id", keyValue: 1, column: "Name", value: "Alice");
                    migrationBuilder.DeleteData(table: "Users", keyColumn: "Id", keyValue: 2);
                    migrationBuilder.DeleteData("Users", "Id", new object[] { 3, 4 });
                    migrationBuilder.Sql("UPDATE " + Tables.Users + " SET FullName = ''", suppressTransaction: true);
                    migrationBuilder.Sql(@"UPDATE ""Users"" SET ""Name"" = 'x'");
                    migrationBuilder.Sql("""
                        CREATE VIEW v AS SELECT 1
                        """);
                    migrationBuilder.Sql($"UPDATE {Tables.Users} SET x = 1");
                    migrationBuilder.Audit("Users");
                    var local = "Users";
                    migrationBuilder.DropTable(local);
                    migrationBuilder.DropTable(name: Schema + ".T");
                    migrationBuilder.AddCheckConstraint("CK_A", "Users", "1 = 1");
                    migrationBuilder.DropCheckConstraint("CK_A", "Users");
                    migrationBuilder.AddColumn<int>("Cnt", "Users", defaultValue: (int)Status.Closed);
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Orders", Schema);
            }
        }
        """";

    [Fact]
    public async Task Hand_written_shapes_read_from_syntax_equal_what_the_semantic_model_reads()
    {
        var compilation = await TestCompilation.CreateAsync(Shapes);
        Assert.Empty(TestCompilation.Errors(compilation));

        var result = SyntaxReadingComparison.Compare(compilation);
        _output.WriteLine($"{result.FromSyntax} from syntax, {result.ThroughSemanticModel} through the semantic model");
        foreach (var fallback in result.FallbackSamples)
        {
            _output.WriteLine("semantic: " + fallback);
        }

        Assert.Empty(result.Differences);

        // What needs symbols: nameof, an interpolated string, a local, a cast, a helper extension method, and a call
        // two overloads apply to (DeleteData's object keyValue and object[] keyValues: C# ranks them, the syntax does not).
        var expectedFallbacks = new[] { "nameof(Shapes)", "$\"UPDATE", "Audit(", "DropTable(local)", "(int)Status.Closed", "DeleteData(\"Users\", \"Id\", new object[]" };
        foreach (var expected in expectedFallbacks)
        {
            Assert.Contains(result.FallbackSamples, f => f.Contains(expected, System.StringComparison.Ordinal));
        }

        Assert.Equal(expectedFallbacks.Length, result.ThroughSemanticModel);
        Assert.True(result.FromSyntax >= 40, result.FromSyntax.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Generated_corpus_read_from_syntax_equals_what_the_semantic_model_reads()
    {
        var compilation = await TestCompilation.OfCorpusAsync(600);

        var result = SyntaxReadingComparison.Compare(compilation);
        _output.WriteLine($"{result.Operations} operations: {result.FromSyntax} read from syntax, {result.ThroughSemanticModel} through the semantic model");
        foreach (var fallback in result.FallbackSamples.Take(40))
        {
            _output.WriteLine("semantic: " + fallback);
        }

        Assert.True(result.Differences.Count == 0, string.Join("\n", result.Differences.Take(40)));
        Assert.True(result.FromSyntax > 1000, result.FromSyntax.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
