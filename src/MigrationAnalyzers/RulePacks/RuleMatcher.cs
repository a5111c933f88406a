using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.RulePacks;

/// <summary>Turns a match (rule + captures) into a diagnostic, choosing the rewrite whose condition holds.</summary>
public static class RuleMatcher
{
    public static Diagnostic CreateDiagnostic(CompiledRule compiled, Location location, Captures? captures, SemanticModel? model, TargetFramework? target = null)
    {
        var rule = compiled.Rule;
        var whyNoFix = compiled.WhyNoFix;
        if (whyNoFix is null && target is not null && rule.FixTargetFramework is { } fixRange && !fixRange.Contains(target))
        {
            // The rewrite is right for other frameworks only: on this target the code it writes would be obsolete in turn.
            whyNoFix = "the code the fix writes is obsolete on " + target;
        }

        var rewrite = whyNoFix is null ? ChooseRewrite(rule, captures, model) : null;
        var text = rule.Guidance is null ? rule.Message : AsSentence(rule.Message) + " " + rule.Guidance;
        if (whyNoFix is not null && HasAnyRewrite(rule))
        {
            text += " (no automatic fix: " + whyNoFix + ")";
        }

        if (!compiled.HasOwnDescriptor)
        {
            return Diagnostic.Create(compiled.Descriptor, location, rule.Severity, additionalLocations: null, FixProperties.Create(compiled, rewrite), rule.Id, text);
        }

        var format = PackDescriptors.FormatOf(compiled.Descriptor);
        var use = rule.ReportsExpression || format.Names(MessageFormat.Api) ? UseAt(location) : null;
        if (rule.ReportsExpression && use is not null)
        {
            location = use.GetLocation();
        }

        var arguments = new object[format.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = format.Arguments[i] switch
            {
                MessageFormat.Api => ApiName(use, model),
                MessageFormat.Target => target?.DisplayName ?? string.Empty,
                _ => text,
            };
        }

        return Diagnostic.Create(compiled.Descriptor, location, FixProperties.Create(compiled, rewrite), arguments);
    }

    /// <summary>
    /// The whole use of the API whose name is at <paramref name="location"/>: <c>formatter.Serialize(stream, x)</c> for the
    /// name <c>Serialize</c>, <c>Encoding.UTF7</c> for <c>UTF7</c>; an object creation is reported whole already.
    /// </summary>
    private static SyntaxNode? UseAt(Location location)
    {
        if (location.SourceTree is not { } tree)
        {
            return null;
        }

        var node = tree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        while (node.Parent is MemberAccessExpressionSyntax access && access.Name == node
            || node.Parent is MemberBindingExpressionSyntax binding && binding.Name == node
            || node.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == node)
        {
            node = node.Parent;
        }

        return node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node ? invocation : node;
    }

    /// <summary><c>Thread.Abort</c>, <c>new BinaryFormatter</c>: short enough for a message, precise enough to search for.</summary>
    private static string ApiName(SyntaxNode? use, SemanticModel? model)
    {
        if (use is null || model is null || model.SyntaxTree != use.SyntaxTree)
        {
            return use?.ToString() ?? string.Empty;
        }

        var info = model.GetSymbolInfo(use);
        var symbol = (info.Symbol ?? info.CandidateSymbols.FirstOrDefault())?.OriginalDefinition;
        if (symbol is IMethodSymbol { ReducedFrom: { } reducedFrom })
        {
            symbol = reducedFrom;
        }

        return symbol switch
        {
            null => use.ToString(),
            IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => "new " + constructor.ContainingType.Name,
            _ when symbol.ContainingType is { } type => type.Name + "." + symbol.Name,
            _ => symbol.Name,
        };
    }

    /// <summary>Whether a match is reported at all: a rule with <c>only-when</c> reports only the matches it holds for.</summary>
    public static bool Reports(CompiledRule compiled, Captures? captures, SemanticModel? model)
        => compiled.Rule.OnlyWhen is not { } condition || (captures is not null && captures.Satisfies(condition, model));

    /// <summary>Pack messages are often written without a final stop; guidance after them starts a new sentence.</summary>
    private static string AsSentence(string message)
    {
        var trimmed = message.TrimEnd();
        return trimmed.Length == 0 || ".!?:;".IndexOf(trimmed[trimmed.Length - 1]) >= 0 ? trimmed : trimmed + ".";
    }

    /// <summary>The first rewrite whose condition holds and whose captures exist; null means report only.</summary>
    public static RewriteSpec? ChooseRewrite(PackRule rule, Captures? captures, SemanticModel? model)
    {
        foreach (var rewrite in rule.Rewrites)
        {
            if (rewrite.Condition is not null && (captures is null || !captures.Satisfies(rewrite.Condition, model)))
            {
                continue;
            }

            if (rewrite.Kind == RewriteKind.None || !CapturesPresent(rewrite, captures))
            {
                return null;
            }

            return rewrite;
        }

        return null;
    }

    private static bool HasAnyRewrite(PackRule rule)
    {
        foreach (var rewrite in rule.Rewrites)
        {
            if (rewrite.Kind != RewriteKind.None)
            {
                return true;
            }
        }

        return false;
    }

    private static bool CapturesPresent(RewriteSpec rewrite, Captures? captures)
    {
        IReadOnlyList<string> needed = rewrite.Kind switch
        {
            RewriteKind.Template or RewriteKind.Arguments => TemplateText.Captures(rewrite.Argument),
            RewriteKind.Attribute => TemplateText.Captures(rewrite.AttributeArgumentTemplate ?? string.Empty),
            _ => Array.Empty<string>(),
        };
        if (rewrite.Condition is { Kind: not (RewriteConditionKind.Missing or RewriteConditionKind.DeclaredType) })
        {
            // The tested argument counts as carried over (the rewrite was written for it).
            needed = new List<string>(needed) { rewrite.Condition.Capture };
        }

        foreach (var name in needed)
        {
            if (captures is null || !captures.Has(name))
            {
                return false;
            }
        }

        // An attribute argument the rewrite does not carry over would be silently dropped: no fix then.
        if (rewrite.Kind == RewriteKind.Attribute && captures is not null)
        {
            foreach (var names in captures.ArgumentNames)
            {
                if (!names.Any(needed.Contains))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
