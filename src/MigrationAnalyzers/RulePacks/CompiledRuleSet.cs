using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// All pack rules that apply to one compilation, indexed by the symbols they match, so that matching a call,
/// a member reference, a type name or an attribute is a dictionary lookup.
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly Dictionary<ISymbol, List<CompiledRule>> _members = new Dictionary<ISymbol, List<CompiledRule>>(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<CompiledRule>> _types = new Dictionary<ISymbol, List<CompiledRule>>(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<CompiledRule>> _attributes = new Dictionary<ISymbol, List<CompiledRule>>(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<CompiledRule>> _namespaces = new Dictionary<ISymbol, List<CompiledRule>>(SymbolEqualityComparer.Default);
    private readonly Dictionary<string, List<(CompiledRule Rule, INamedTypeSymbol Receiver)>> _unbound = new Dictionary<string, List<(CompiledRule, INamedTypeSymbol)>>(StringComparer.Ordinal);
    private readonly HashSet<string> _typeNames = new HashSet<string>(StringComparer.Ordinal);
    private readonly HashSet<string> _namespaceNames = new HashSet<string>(StringComparer.Ordinal);
    private readonly HashSet<string> _memberNames = new HashSet<string>(StringComparer.Ordinal);

    private TargetFramework? _projectFramework;
    private Func<SyntaxTree, TargetFramework?>? _frameworkOf;

    private CompiledRuleSet()
    {
    }

    /// <summary>Whether <paramref name="match"/>'s <c>target-framework</c> holds in <paramref name="tree"/> (always true when it was checked at creation).</summary>
    public bool AppliesIn(CompiledRule match, SyntaxTree tree)
    {
        if (match.Rule.TargetFramework is null || _frameworkOf is null)
        {
            return true;
        }

        // An unknown target framework does not silence a rule, as at creation, unless its message names the framework.
        var framework = _frameworkOf(tree) ?? _projectFramework;
        return framework is null
            ? !PackDescriptors.FormatOf(match.Descriptor).Names(MessageFormat.Target)
            : match.Rule.TargetFramework.Contains(framework);
    }

    /// <summary>The framework <paramref name="tree"/> is checked against (upgrade target, else the project's), or null when unknown.</summary>
    public TargetFramework? FrameworkOf(SyntaxTree tree) => _frameworkOf?.Invoke(tree) ?? _projectFramework;

    public bool IsEmpty => _members.Count == 0 && _types.Count == 0 && _attributes.Count == 0 && _namespaces.Count == 0 && _unbound.Count == 0;

    public bool HasMembers => _members.Count > 0;

    public bool HasTypes => _types.Count > 0;

    public bool HasAttributes => _attributes.Count > 0;

    public bool HasNamespaces => _namespaces.Count > 0;

    public bool HasUnbound => _unbound.Count > 0;

    /// <summary>Every symbol some rule matches (the [Obsolete] rule leaves these to the packs).</summary>
    public bool MatchesMember(ISymbol symbol) => _members.ContainsKey(symbol.OriginalDefinition);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, CompiledRuleSet> PerCompilation = new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, CompiledRuleSet>();

    /// <summary>
    /// The rule set of a compilation, built once and shared by every analyzer that needs it. <c>target-framework</c> is
    /// checked per file against the upgrade target (<c>migration_analyzers.upgrade_target</c>, else the project's own
    /// framework): a framework-upgrade rule then reports before the move as well as after it.
    /// </summary>
    public static CompiledRuleSet For(Compilation compilation, AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
        => PerCompilation.GetValue(compilation, c =>
        {
            var upgradeTarget = Settings.UpgradeTargetResolver.Create(c, options);
            return Create(
                c,
                RulePackLoader.Load(options, cancellationToken, System.Linq.Enumerable.FirstOrDefault(c.SyntaxTrees)),
                options.AnalyzerConfigOptionsProvider.GlobalOptions,
                upgradeTarget.For);
        });

    public static CompiledRuleSet Create(Compilation compilation, ImmutableArray<RulePack> packs, AnalyzerConfigOptions globalOptions)
        => Create(compilation, packs, globalOptions, frameworkOf: null);

    /// <summary>
    /// With <paramref name="frameworkOf"/>, <c>target-framework</c> is checked per file at report time against the framework
    /// that file is checked against (the upgrade target when one is set, see <see cref="Settings.UpgradeTargetResolver"/>),
    /// instead of once against the project's own target framework.
    /// </summary>
    public static CompiledRuleSet Create(Compilation compilation, ImmutableArray<RulePack> packs, AnalyzerConfigOptions globalOptions, Func<SyntaxTree, TargetFramework?>? frameworkOf)
    {
        var set = new CompiledRuleSet();
        var framework = ReadTargetFramework(globalOptions);
        set._projectFramework = framework;
        set._frameworkOf = frameworkOf;
        foreach (var pack in packs)
        {
            foreach (var rule in pack.Rules)
            {
                if (Applies(rule, compilation, frameworkOf is null ? framework : null))
                {
                    set.Add(rule, pack.IsBuiltIn, compilation);
                }
            }
        }

        return set;
    }

    public IReadOnlyList<CompiledRule>? ForMember(ISymbol symbol) => _members.TryGetValue(symbol.OriginalDefinition, out var rules) ? rules : null;

    public IReadOnlyList<CompiledRule>? ForType(ISymbol type) => _types.TryGetValue(type.OriginalDefinition, out var rules) ? rules : null;

    public IReadOnlyList<CompiledRule>? ForAttribute(ISymbol attributeClass) => _attributes.TryGetValue(attributeClass.OriginalDefinition, out var rules) ? rules : null;

    public IReadOnlyList<CompiledRule>? ForNamespace(ISymbol ns) => _namespaces.TryGetValue(ns, out var rules) ? rules : null;

    public IReadOnlyList<(CompiledRule Rule, INamedTypeSymbol Receiver)>? ForUnbound(string memberName) => _unbound.TryGetValue(memberName, out var rules) ? rules : null;

    /// <summary>Cheap filter before binding a name: could this identifier be a type some rule matches?</summary>
    public bool MayNameType(string identifier) => _typeNames.Contains(identifier);

    public bool MayNameNamespace(string identifier) => _namespaceNames.Contains(identifier);

    /// <summary>
    /// Cheap filter before binding a call, creation or reference: could a use written with this name be a member some rule
    /// matches? Constructors go by their type's name, indexers by <c>this[]</c>; a rule on a delegate's <c>Invoke</c> makes
    /// every call a candidate (a delegate is called by the name of the variable that holds it).
    /// </summary>
    public bool MayNameMember(string? identifier) => _memberNames.Contains("Invoke") || (identifier is not null && _memberNames.Contains(identifier));

    private static bool Applies(PackRule rule, Compilation compilation, TargetFramework? framework)
    {
        foreach (var requirement in rule.Requires)
        {
            if (!requirement.IsMetBy(compilation))
            {
                return false;
            }
        }

        // An unknown target framework (no build properties passed) does not silence a rule.
        return rule.TargetFramework is null || framework is null || rule.TargetFramework.Contains(framework);
    }

    private static TargetFramework? ReadTargetFramework(AnalyzerConfigOptions options)
    {
        options.TryGetValue(UpgradeTargetResolver.TargetFrameworkIdentifierProperty, out var identifier);
        options.TryGetValue(UpgradeTargetResolver.TargetFrameworkVersionProperty, out var version);
        options.TryGetValue(UpgradeTargetResolver.TargetFrameworkProperty, out var moniker);
        return UpgradeTargetResolver.FromIdentifier(identifier, version) ?? TargetFramework.Parse(moniker);
    }

    private void Add(PackRule rule, bool isBuiltIn, Compilation compilation)
    {
        var descriptor = PackDescriptors.For(rule, isBuiltIn);
        var whyNoFix = WhyNoFix(rule, compilation);
        foreach (var match in rule.Matches)
        {
            Add(rule, match, descriptor, whyNoFix, compilation);
        }
    }

    private void Add(PackRule rule, ApiPattern match, DiagnosticDescriptor descriptor, string? whyNoFix, Compilation compilation)
    {
        if (match.IsNamespace)
        {
            var ns = RuleResolver.FindNamespace(match.Text.Substring(2), compilation);
            if (ns is not null)
            {
                AddTo(_namespaces, ns, new CompiledRule(rule, descriptor, whyNoFix, ns));
                _namespaceNames.Add(ns.Name);
            }

            return;
        }

        var symbols = RuleResolver.Resolve(match, compilation);
        foreach (var symbol in symbols)
        {
            var compiled = new CompiledRule(rule, descriptor, whyNoFix, symbol.ContainingNamespace);
            if (symbol is INamedTypeSymbol type)
            {
                var asAttribute = rule.Rewrites.Any(r => r.Kind == RewriteKind.Attribute) || IsAttribute(type);
                AddTo(asAttribute ? _attributes : _types, type, compiled);
                _typeNames.Add(type.Name);
                if (asAttribute && type.Name.EndsWith("Attribute", StringComparison.Ordinal))
                {
                    _typeNames.Add(type.Name.Substring(0, type.Name.Length - "Attribute".Length));
                }
            }
            else
            {
                AddTo(_members, symbol.OriginalDefinition, compiled);
                _memberNames.Add(symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ? symbol.ContainingType.Name : symbol.Name);
            }
        }

        // Calls that no longer bind (CS1061) or no longer resolve: found by member name and receiver type.
        if (match.IsMember && match.MemberName != "#ctor" && !match.IsEveryMember)
        {
            var receiver = rule.Receiver is not null
                ? RuleResolver.ResolveType(rule.Receiver.Text, compilation)
                : symbols.IsEmpty ? RuleResolver.ResolveType(match.ContainingTypeId!, compilation) : null;
            if (receiver is not null && !(receiver.IsStatic && rule.Receiver is null))
            {
                var ns = symbols.IsEmpty ? RuleResolver.ResolveType(match.ContainingTypeId!, compilation)?.ContainingNamespace : symbols[0].ContainingNamespace;
                var compiled = new CompiledRule(rule, descriptor, whyNoFix, ns);
                if (!_unbound.TryGetValue(match.MemberName!, out var list))
                {
                    _unbound[match.MemberName!] = list = new List<(CompiledRule, INamedTypeSymbol)>();
                }

                list.Add((compiled, receiver));
            }
        }
    }

    private static bool IsAttribute(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "Attribute" && current.ContainingNamespace?.Name == "System" && current.ContainingNamespace.ContainingNamespace?.IsGlobalNamespace == true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The "replacement exists in this compilation" precondition: declared replacements and the rewrite's own target.</summary>
    private static string? WhyNoFix(PackRule rule, Compilation compilation)
    {
        foreach (var replacement in rule.Replacements)
        {
            if (!RuleResolver.Exists(replacement, compilation))
            {
                return replacement + " is not available in this compilation";
            }
        }

        foreach (var rewrite in rule.Rewrites)
        {
            var missing = rewrite.Kind switch
            {
                RewriteKind.ChangeType => RuleResolver.ResolveType(rewrite.Argument, compilation) is null ? rewrite.Argument : null,
                RewriteKind.Attribute => RuleResolver.ResolveType(rewrite.AttributeTypeId, compilation) is null ? rewrite.AttributeTypeId : null,
                RewriteKind.ChangeNamespace => RuleResolver.FindNamespace(rewrite.Argument, compilation) is null ? "namespace " + rewrite.Argument : null,
                RewriteKind.MoveStatic or RewriteKind.Factory => RuleResolver.ResolveType(rewrite.TargetTypeName, compilation) is { } target && !target.GetMembers(rewrite.TargetMemberName).IsEmpty
                    ? null
                    : rewrite.TargetTypeName + "." + rewrite.TargetMemberName,
                RewriteKind.Rename => rule.Match.ContainingTypeId is { } container
                    && RuleResolver.ResolveTypes(container, compilation).Any(type => !type.GetMembers(rewrite.Argument).IsEmpty)
                    ? null
                    : rule.Match.ContainingTypeId + "." + rewrite.Argument,
                _ => null,
            };
            if (missing is not null)
            {
                return missing + " is not available in this compilation";
            }
        }

        return null;
    }

    private static void AddTo(Dictionary<ISymbol, List<CompiledRule>> map, ISymbol key, CompiledRule rule)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<CompiledRule>();
        }

        list.Add(rule);
    }
}
