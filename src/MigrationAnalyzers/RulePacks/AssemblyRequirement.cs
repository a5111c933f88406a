using System;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// <c>requires = Microsoft.EntityFrameworkCore.Relational &gt;= 3.0, &lt; 7.0</c>: the compilation references the assembly,
/// with an assembly version in the range. (Assembly versions follow the package's major.minor for the packages packs target.)
/// </summary>
public sealed class AssemblyRequirement
{
    private AssemblyRequirement(string assemblyName, VersionRange range)
    {
        AssemblyName = assemblyName;
        Range = range;
    }

    public string AssemblyName { get; }

    public VersionRange Range { get; }

    /// <summary>As a pack writes it: <c>Microsoft.EntityFrameworkCore.Relational &gt;= 3.0, &lt; 7.0</c>.</summary>
    public override string ToString() => AssemblyName + " " + Range;

    public bool IsMetBy(Compilation compilation) => IsReferencedBy(compilation) || IsMetByItself(compilation);

    /// <summary>Whether a referenced assembly meets the requirement: a fact of the compilation's references alone.</summary>
    internal bool IsReferencedBy(Compilation compilation)
    {
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            if (string.Equals(identity.Name, AssemblyName, StringComparison.OrdinalIgnoreCase) && Range.Contains(identity.Version))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The compilation may itself be the assembly (a pack shipped with a library applies to its own tests too).</summary>
    internal bool IsMetByItself(Compilation compilation)
        => string.Equals(compilation.AssemblyName, AssemblyName, StringComparison.OrdinalIgnoreCase) && Range.Contains(compilation.Assembly.Identity.Version);

    public static AssemblyRequirement? Parse(string text, out string? error)
    {
        error = null;
        text = text.Trim();
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('>' or '<' or '='))
        {
            end++;
        }

        if (end == 0)
        {
            error = "expected an assembly name, e.g. 'Microsoft.EntityFrameworkCore >= 3.0'";
            return null;
        }

        var range = VersionRange.Parse(text.Substring(end), VersionRange.ParseVersion, out error);
        return range is null ? null : new AssemblyRequirement(text.Substring(0, end), range);
    }
}
