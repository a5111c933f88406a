using System.Threading.Tasks;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Reading;

/// <summary>A framework type told by its namespace and name, as the rules that no longer look types up tell them.</summary>
public class KnownTypeTests
{
    [Fact]
    public async Task Tells_a_type_by_every_part_of_its_namespace_and_its_name()
    {
        var compilation = await TestCompilation.CreateAsync(
            "namespace Text { public class Encoding { } } namespace My.System.Text { public class Encoding { public class Inner { } } } public class ObsoleteAttribute { }");

        Assert.True(KnownType.Is(compilation.GetTypeByMetadataName("System.Text.Encoding"), "System.Text", "Encoding"));
        Assert.True(KnownType.Is(compilation.GetTypeByMetadataName("System.ObsoleteAttribute"), "System", "ObsoleteAttribute"));
        Assert.True(KnownType.Is(compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute"), "System.CodeDom.Compiler", "GeneratedCodeAttribute"));

        // A namespace too short, too long or elsewhere, a nested type, a type of the global namespace: not the type.
        Assert.False(KnownType.Is(compilation.GetTypeByMetadataName("Text.Encoding"), "System.Text", "Encoding"));
        Assert.False(KnownType.Is(compilation.GetTypeByMetadataName("My.System.Text.Encoding"), "System.Text", "Encoding"));
        Assert.False(KnownType.Is(compilation.GetTypeByMetadataName("System.Text.Encoding"), "Text", "Encoding"));
        Assert.False(KnownType.Is(compilation.GetTypeByMetadataName("My.System.Text.Encoding+Inner"), "My.System.Text.Encoding", "Inner"));
        Assert.False(KnownType.Is(compilation.GetTypeByMetadataName("ObsoleteAttribute"), "System", "ObsoleteAttribute"));
        Assert.False(KnownType.Is(null, "System", "ObsoleteAttribute"));
    }
}
