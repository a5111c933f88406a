namespace MigrationAnalyzers.RulePacks;

/// <summary>The rewrites a pack rule can ask for; each has its own rewriter in the code-fix assembly.</summary>
public enum RewriteKind
{
    /// <summary><c>rewrite = none</c>: report only; the rule's guidance says what to do.</summary>
    None,

    /// <summary><c>rename NewName</c>: the member keeps its receiver and arguments and gets a new name.</summary>
    Rename,

    /// <summary><c>type T:New.Type</c>: every place the type is named (declarations, new, generic arguments, typeof, casts).</summary>
    ChangeType,

    /// <summary><c>namespace New.Namespace</c>: using directives and qualified names of the matched <c>N:</c> namespace.</summary>
    ChangeNamespace,

    /// <summary><c>move Namespace.Type.Member</c>: a static call moves to another type with the same arguments.</summary>
    MoveStatic,

    /// <summary><c>factory Namespace.Type.Create</c>: <c>new T(args)</c> becomes <c>Type.Create(args)</c>.</summary>
    Factory,

    /// <summary><c>arguments {1}, {0}</c>: the same call with arguments added, removed or reordered.</summary>
    Arguments,

    /// <summary><c>attribute T:New.Attribute({0})</c>: another attribute, arguments mapped from captures.</summary>
    Attribute,

    /// <summary><c>template {receiver}.NewCall({args})</c>: any expression built from captures.</summary>
    Template,
}
