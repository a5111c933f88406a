using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Settings;

/// <summary>
/// Answers "which framework is this code moving to?" for the framework-upgrade rules (MIG3xxx), in this order:
/// <list type="number">
/// <item><c>migration_analyzers.upgrade_target</c> in .editorconfig (per file, with the global config as fallback): the framework being moved to;</item>
/// <item><c>build_property.TargetFrameworkIdentifier</c>/<c>TargetFrameworkVersion</c> or <c>build_property.TargetFramework</c>,
/// which the package's build props make visible to analyzers: the project's own target;</item>
/// <item>the referenced core library: <c>mscorlib</c> means .NET Framework, <c>System.Runtime</c> carries the .NET version.</item>
/// </list>
/// Made once per compilation; the per-file answer is cached because every operation of a rule asks for it.
/// </summary>
public sealed class UpgradeTargetResolver
{
    public const string TargetFrameworkProperty = "build_property.TargetFramework";

    /// <summary>MSBuild's own reading of the TargetFramework (<c>.NETCoreApp</c>, <c>v8.0</c>); preferred when present, since TargetFramework may be an alias.</summary>
    public const string TargetFrameworkIdentifierProperty = "build_property.TargetFrameworkIdentifier";

    public const string TargetFrameworkVersionProperty = "build_property.TargetFrameworkVersion";

    private readonly AnalyzerOptions _options;
    private readonly Lazy<TargetFramework?> _projectFramework;
    private readonly ConcurrentDictionary<SyntaxTree, TargetFramework?> _perTree = new ConcurrentDictionary<SyntaxTree, TargetFramework?>();

    private UpgradeTargetResolver(AnalyzerOptions options, Lazy<TargetFramework?> projectFramework)
    {
        _options = options;
        _projectFramework = projectFramework;
    }

    public static UpgradeTargetResolver Create(Compilation compilation, AnalyzerOptions options)
    {
        var global = new SettingReader(options, tree: null);
        var configured = FromIdentifier(global.GetString(TargetFrameworkIdentifierProperty), global.GetString(TargetFrameworkVersionProperty))
            ?? TargetFramework.Parse(global.GetString(TargetFrameworkProperty));

        // The core library only when the build says nothing, and only when a file is first asked about: the rules make
        // the resolver at compilation start, where the lookup waited for the compiler to bind the references.
        return new UpgradeTargetResolver(options, new Lazy<TargetFramework?>(() => configured ?? FromCoreLibrary(compilation), LazyThreadSafetyMode.ExecutionAndPublication));
    }

    /// <summary>The framework the code in <paramref name="tree"/> is checked against, or null when it cannot be told.</summary>
    public TargetFramework? For(SyntaxTree tree) => _perTree.GetOrAdd(tree, Resolve);

    /// <summary>True when <paramref name="tree"/> moves to .NET Core / .NET 5+ at or after <paramref name="since"/>.</summary>
    public bool Reaches(SyntaxTree tree, Version since) => For(tree)?.IsNetCoreAtLeast(since) == true;

    private TargetFramework? Resolve(SyntaxTree tree)
    {
        var reader = new SettingReader(_options, tree);
        // An unreadable value is reported by MIG9001; the project's own framework is used meanwhile.
        return TargetFramework.Parse(reader.GetString(SettingKeys.UpgradeTarget))
            ?? TargetFramework.Parse(reader.GetString(TargetFrameworkProperty))
            ?? _projectFramework.Value;
    }

    /// <summary>From <c>.NETCoreApp</c> + <c>v8.0</c>, <c>.NETFramework</c> + <c>v4.8</c>, <c>.NETStandard</c> + <c>v2.0</c>.</summary>
    public static TargetFramework? FromIdentifier(string? identifier, string? version)
    {
        if (identifier is null || version is null || !Version.TryParse(version.Trim().TrimStart('v', 'V'), out var parsed))
        {
            return null;
        }

        return identifier.Trim() switch
        {
            ".NETCoreApp" => new TargetFramework(FrameworkFamily.NetCore, parsed),
            ".NETFramework" => new TargetFramework(FrameworkFamily.NetFramework, parsed),
            ".NETStandard" => new TargetFramework(FrameworkFamily.NetStandard, parsed),
            _ => null,
        };
    }

    /// <summary>Tells the framework from the assembly that defines <see cref="object"/>.</summary>
    public static TargetFramework? FromCoreLibrary(Compilation compilation)
    {
        var corlib = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly;
        if (corlib is null)
        {
            return null;
        }

        var version = corlib.Identity.Version;
        switch (corlib.Identity.Name)
        {
            case "mscorlib":
                // mscorlib 4.0.0.0 serves every .NET Framework from 4.0 to 4.8.1; the exact one does not matter to upgrade rules.
                return new TargetFramework(FrameworkFamily.NetFramework, new Version(version.Major, version.Minor));
            case "netstandard":
                return new TargetFramework(FrameworkFamily.NetStandard, new Version(version.Major, version.Minor));
            case "System.Runtime":
            case "System.Private.CoreLib":
                if (version.Major >= 5)
                {
                    return TargetFramework.NetCore(version.Major, version.Minor);
                }

                // System.Runtime 4.2.1+ shipped with .NET Core 3.x, 4.2.0 with 2.x; older ones are shared with .NET Standard 1.x.
                if (version.Major == 4 && version.Minor == 2)
                {
                    return version.Build >= 1 ? TargetFramework.NetCore(3) : TargetFramework.NetCore(2);
                }

                return null;
            default:
                return null;
        }
    }
}
