using System.Threading.Tasks;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Caching;

/// <summary>A <c>global using</c> alias is known whichever file asks first, the declaring one included.</summary>
public class GlobalAliasesTests
{
    private const string Declaring = "global using Status = System.DayOfWeek;\nnamespace A { class X { } }";
    private const string Other = "namespace B { class Y { } }";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Every_file_sees_the_global_aliases(int askingFile)
    {
        var compilation = await TestCompilation.CreateAsync(Declaring, Other);

        var aliases = GlobalAliases.Of(compilation.GetSemanticModel(compilation.SyntaxTrees[askingFile]));

        Assert.Equal(new[] { "Status" }, aliases);
    }

    [Fact]
    public async Task A_file_alias_is_not_a_global_one()
    {
        var compilation = await TestCompilation.CreateAsync("using Status = System.DayOfWeek;\nnamespace A { class X { } }", Other);

        Assert.Empty(GlobalAliases.Of(compilation));
    }
}
