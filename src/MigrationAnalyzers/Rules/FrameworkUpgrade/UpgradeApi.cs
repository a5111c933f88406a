using System;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Rules.FrameworkUpgrade;

/// <summary>
/// One row of a framework-upgrade table: members of a type that break or are obsolete from a framework version on.
/// Rows are resolved to symbols once per compilation; a row whose type is absent costs nothing.
/// </summary>
public sealed class UpgradeApi
{
    public UpgradeApi(
        DiagnosticDescriptor descriptor,
        string typeMetadataName,
        string? memberName,
        Version since,
        string consequence)
    {
        Descriptor = descriptor;
        TypeMetadataName = typeMetadataName;
        MemberName = memberName;
        Since = since;
        Consequence = consequence;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The containing type, e.g. <c>System.Threading.Thread</c>.</summary>
    public string TypeMetadataName { get; }

    /// <summary>A method, property or field name, <c>.ctor</c> for constructors, or null for every public member and constructor.</summary>
    public string? MemberName { get; }

    /// <summary>The first .NET (Core) version on which the change applies; .NET Core 1.0 for "everywhere but .NET Framework".</summary>
    public Version Since { get; }

    /// <summary>What happens on the new framework and what to do instead; the message's second argument.</summary>
    public string Consequence { get; }

    public static Version NetCore1 { get; } = new Version(1, 0);

    public static Version Net(int major) => new Version(major, 0);
}
