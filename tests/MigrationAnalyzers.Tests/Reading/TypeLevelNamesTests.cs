using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Reading;

/// <summary>The scope a class's names are bound in is worked out once per class declaration, and shared only where it is the same.</summary>
public class TypeLevelNamesTests
{
    private const string Source = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations
        {
            public class First : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) { }
                protected override void Down(MigrationBuilder migrationBuilder) { }
            }

            public class Second : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) { }
            }

            public class Outer
            {
                public class Nested : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder) { }
                }
            }
        }
        """;

    [Fact]
    public async Task A_class_gets_one_scope_for_all_its_methods_and_a_nested_class_none()
    {
        var compilation = await TestCompilation.CreateAsync(Source);
        Assert.Empty(TestCompilation.Errors(compilation));
        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        var names = TypeLevelNames.For(compilation);
        var classes = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().ToDictionary(c => c.Identifier.ValueText);

        TypeLevelNames.Scope? ScopeOf(string name)
            => names.ScopeOf(model, classes[name], (INamedTypeSymbol)model.GetDeclaredSymbol(classes[name])!, CancellationToken.None);

        var first = ScopeOf("First");
        Assert.NotNull(first);
        Assert.Same(first, ScopeOf("First"));
        Assert.NotSame(first, ScopeOf("Second"));
        Assert.Null(ScopeOf("Nested"));
    }
}
