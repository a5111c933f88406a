using System.Collections.Immutable;

namespace MigrationAnalyzers.Tests.Robustness;

/// <summary>Files compiled together in one fuzz run; <see cref="Name"/> says where they came from, for failure messages.</summary>
public sealed record FuzzUnit(string Name, ImmutableArray<(string Path, string Text)> Files)
{
    public FuzzUnit WithFile(int index, string text) => this with { Files = Files.SetItem(index, (Files[index].Path, text)) };

    public override string ToString() => Name;
}
