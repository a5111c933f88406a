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
    private ResolutionFacts _facts = null!;
    private int _patternsResolved;
    private int _patternsSkipped;
    private int _namesLookedUp;

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

    /// <summary>Match patterns resolved against the compilation while building this set.</summary>
    internal int PatternsResolved => _patternsResolved;

    /// <summary>Match patterns left out because an earlier compilation of the same trees and references resolved them to nothing.</summary>
    internal int PatternsSkipped => _patternsSkipped;

    /// <summary>
    /// Names looked up in the compilation for the fix preconditions (<see cref="WhyNoFix"/>) and assemblies looked for
    /// among its references (<c>requires</c>), rather than found in <see cref="ResolutionFacts"/>.
    /// </summary>
    internal int NamesLookedUp => _namesLookedUp;

    public bool IsEmpty => _members.Count == 0 && _types.Count == 0 && _attributes.Count == 0 && _namespaces.Count == 0 && _unbound.Count == 0;

    public bool HasMembers => _members.Count > 0;

    public bool HasTypes => _types.Count > 0;

    public bool HasAttributes => _attributes.Count > 0;

    public bool HasNamespaces => _namespaces.Count > 0;

    public bool HasUnbound => _unbound.Count > 0;

    /// <summary>Every symbol some rule matches (the [Obsolete] rule leaves these to the packs).</summary>
    public bool MatchesMember(ISymbol symbol) => _members.ContainsKey(symbol.OriginalDefinition);

    // A Lazy in the table: the rule-pack and [Obsolete] rules ask at their first node, often at once, and the table would
    // let both build the set and keep one.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Lazy<CompiledRuleSet>> PerCompilation = new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Lazy<CompiledRuleSet>>();

    /// <summary>
    /// The rule set of a compilation, built once and shared by every analyzer that needs it. <c>target-framework</c> is
    /// checked per file against the upgrade target (<c>migration_analyzers.upgrade_target</c>, else the project's own
    /// framework): a framework-upgrade rule then reports before the move as well as after it. Not cancelled: the Lazy
    /// would keep the cancellation for every later caller, and reading the packs takes a moment.
    /// </summary>
    public static CompiledRuleSet For(Compilation compilation, AnalyzerOptions options)
        => PerCompilation.GetValue(compilation, c => new Lazy<CompiledRuleSet>(
            () =>
            {
                var upgradeTarget = Settings.UpgradeTargetResolver.Create(c, options);
                return Create(
                    c,
                    RulePackLoader.Load(options, System.Threading.CancellationToken.None, System.Linq.Enumerable.FirstOrDefault(c.SyntaxTrees)),
                    options.AnalyzerConfigOptionsProvider.GlobalOptions,
                    upgradeTarget.For);
            },
            System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;

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
        set._facts = ResolutionFacts.For(compilation);
        foreach (var pack in packs)
        {
            foreach (var rule in pack.Rules)
            {
                if (set.Applies(rule, compilation, frameworkOf is null ? framework : null))
                {
                    set.Add(rule, pack.IsBuiltIn, compilation);
                }
            }
        }

        return set;
    }

    /// <summary>
    /// Every entry of the set as text (symbols by documentation ID, with each rule's place in its symbol's list), sorted:
    /// two sets that match the same rules to the same APIs, in the same order, describe alike.
    /// </summary>
    internal IEnumerable<string> Describe()
    {
        static string Entry(string map, ISymbol symbol, CompiledRule rule)
            => string.Join("|", map, symbol.GetDocumentationCommentId() ?? symbol.ToDisplayString(), rule.Rule.PackName, rule.Rule.Id, rule.Descriptor.Id, rule.WhyNoFix, rule.OldNamespace?.ToDisplayString());

        var entries = new List<string>();
        foreach (var (map, rules) in new[] { ("member", _members), ("type", _types), ("attribute", _attributes), ("namespace", _namespaces) })
        {
            entries.AddRange(rules.SelectMany(pair => pair.Value.Select((rule, i) => Entry(map, pair.Key, rule) + "|#" + i)));
        }

        entries.AddRange(_unbound.SelectMany(pair => pair.Value.Select((entry, i) => "unbound|" + pair.Key + "|" + Entry("receiver", entry.Receiver, entry.Rule) + "|#" + i)));
        entries.AddRange(_typeNames.Select(name => "type-name|" + name));
        entries.AddRange(_namespaceNames.Select(name => "namespace-name|" + name));
        entries.AddRange(_memberNames.Select(name => "member-name|" + name));
        entries.Sort(StringComparer.Ordinal);
        return entries;
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

    private bool Applies(PackRule rule, Compilation compilation, TargetFramework? framework)
    {
        foreach (var requirement in rule.Requires)
        {
            // What the references hold is the same for every compilation of them; the compilation's own assembly is asked each time.
            if (!_facts.Exists("referenced|" + requirement, compilation, requirement.IsReferencedBy, ref _namesLookedUp) && !requirement.IsMetByItself(compilation))
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
        var whyNoFix = WhyNoFix(rule, compilation, _facts, ref _namesLookedUp);
        foreach (var match in rule.Matches)
        {
            Add(rule, match, descriptor, whyNoFix, compilation);
        }
    }

    /// <summary>
    /// Adds what <paramref name="match"/> resolves to, unless an earlier compilation of the same trees and references found
    /// that it resolves to nothing: most rules target libraries a project does not reference, and the IDE builds this
    /// set again for every document it analyses.
    /// </summary>
    private void Add(PackRule rule, ApiPattern match, DiagnosticDescriptor descriptor, string? whyNoFix, Compilation compilation)
    {
        // Everything the resolution below reads from the rule: the pattern (with its overload wildcard) and the receiver.
        var question = match.Text + (match.AllOverloads ? "(*)" : string.Empty) + "|" + rule.Receiver?.Text;
        if (_facts.ResolvesToNothing(question))
        {
            _patternsSkipped++;
            return;
        }

        _patternsResolved++;
        if (!Resolve(rule, match, descriptor, whyNoFix, compilation))
        {
            _facts.RecordResolvesToNothing(question);
        }
    }

    /// <summary>Adds what <paramref name="match"/> resolves to; false when it adds nothing at all.</summary>
    private bool Resolve(PackRule rule, ApiPattern match, DiagnosticDescriptor descriptor, string? whyNoFix, Compilation compilation)
    {
        if (match.IsNamespace)
        {
            var ns = RuleResolver.FindNamespace(match.Text.Substring(2), compilation);
            if (ns is not null)
            {
                AddTo(_namespaces, ns, new CompiledRule(rule, descriptor, whyNoFix, ns));
                _namespaceNames.Add(ns.Name);
            }

            return ns is not null;
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
                return true;
            }
        }

        return !symbols.IsEmpty;
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

    /// <summary>
    /// The "replacement exists in this compilation" precondition: declared replacements and the rewrite's own target.
    /// Each lookup is answered once for every compilation of the same trees and references (<see cref="ResolutionFacts"/>).
    /// </summary>
    private static string? WhyNoFix(PackRule rule, Compilation compilation, ResolutionFacts facts, ref int lookedUp)
    {
        foreach (var replacement in rule.Replacements)
        {
            if (!facts.Exists("exists|" + replacement, compilation, c => RuleResolver.Exists(replacement, c), ref lookedUp))
            {
                return replacement + " is not available in this compilation";
            }
        }

        foreach (var rewrite in rule.Rewrites)
        {
            var missing = rewrite.Kind switch
            {
                RewriteKind.ChangeType => !facts.Exists("type|" + rewrite.Argument, compilation, c => RuleResolver.ResolveType(rewrite.Argument, c) is not null, ref lookedUp)
                    ? rewrite.Argument
                    : null,
                RewriteKind.Attribute => !facts.Exists("type|" + rewrite.AttributeTypeId, compilation, c => RuleResolver.ResolveType(rewrite.AttributeTypeId, c) is not null, ref lookedUp)
                    ? rewrite.AttributeTypeId
                    : null,
                RewriteKind.ChangeNamespace => !facts.Exists("namespace|" + rewrite.Argument, compilation, c => RuleResolver.FindNamespace(rewrite.Argument, c) is not null, ref lookedUp)
                    ? "namespace " + rewrite.Argument
                    : null,
                RewriteKind.MoveStatic or RewriteKind.Factory => facts.Exists(
                    "member|" + rewrite.TargetTypeName + "|" + rewrite.TargetMemberName,
                    compilation,
                    c => RuleResolver.ResolveType(rewrite.TargetTypeName, c) is { } target && !target.GetMembers(rewrite.TargetMemberName).IsEmpty,
                    ref lookedUp)
                    ? null
                    : rewrite.TargetTypeName + "." + rewrite.TargetMemberName,
                RewriteKind.Rename => rule.Match.ContainingTypeId is { } container
                    && facts.Exists(
                        "any-member|" + container + "|" + rewrite.Argument,
                        compilation,
                        c => RuleResolver.ResolveTypes(container, c).Any(type => !type.GetMembers(rewrite.Argument).IsEmpty),
                        ref lookedUp)
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
