using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MigrationAnalyzers.RulePacks;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

public class RuleResolverTests
{
    private static readonly Compilation Compilation = CSharpCompilation.Create(
        "Shop",
        new[] { CSharpSyntaxTree.ParseText("namespace Shop.Data.Legacy { public class Store { } }") },
        InMemoryCompiler.References(),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    [Theory]
    [InlineData("System")]
    [InlineData("System.Threading.Tasks")]
    [InlineData("Microsoft.EntityFrameworkCore.Migrations")]
    [InlineData("Shop.Data.Legacy")]
    public void A_namespace_is_found_in_source_and_references(string name)
    {
        var found = RuleResolver.FindNamespace(name, Compilation);
        Assert.NotNull(found);
        Assert.Equal(name, found!.ToDisplayString());
    }

    [Theory]
    [InlineData("System.Console")]
    [InlineData("Shop.Data.Legacy.Store")]
    [InlineData("Shop.Data.Missing")]
    [InlineData("system")]
    [InlineData("System..Threading")]
    public void A_type_or_an_absent_name_is_no_namespace(string name)
    {
        Assert.Null(RuleResolver.FindNamespace(name, Compilation));
    }
}
