using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// Reads the rule pack format (documented in rules/rule-packs.md): INI-like, one <c>key = value</c> per line,
/// <c>[RULE-ID]</c> section headers, <c>#</c> comments, indented lines continue the previous value.
/// Written by hand so the analyzer needs no serialization library inside the compiler.
/// </summary>
public static class RulePackParser
{
    private static readonly ImmutableHashSet<string> RuleKeys = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "message", "severity", "match", "receiver", "requires", "target-framework", "fix-target-framework", "replacement", "rewrite", "using", "guidance", "only-when",
        "title", "description", "tags", "message-format", "report-on");

    public static RulePack Parse(SourceText text, string path, string defaultName, bool isBuiltIn)
    {
        var problems = ImmutableArray.CreateBuilder<PackProblem>();
        var rules = ImmutableArray.CreateBuilder<PackRule>();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var packName = defaultName;
        string? category = null;
        RuleBuilder? current = null;
        (string Key, int Line)? lastKey = null;

        void Problem(int line, string message, string? ruleId = null)
        {
            var span = text.Lines[line].Span;
            problems.Add(new PackProblem(span, text.Lines.GetLinePositionSpan(span), message, ruleId));
        }

        void Finish()
        {
            if (current is null)
            {
                return;
            }

            var rule = current.Build(packName, Problem);
            if (rule is not null)
            {
                rules.Add(rule);
            }

            current = null;
        }

        foreach (var line in text.Lines)
        {
            var raw = line.ToString();
            var content = raw.Trim();
            if (content.Length == 0 || content[0] == '#' || content[0] == ';' || content.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (char.IsWhiteSpace(raw[0]) && lastKey is not null && current is not null && content[0] != '[')
            {
                // Continuation of a long message or guidance.
                current.Append(lastKey.Value.Key, content);
                continue;
            }

            if (content[0] == '[')
            {
                Finish();
                lastKey = null;
                if (!content.EndsWith("]", StringComparison.Ordinal))
                {
                    Problem(line.LineNumber, "a section header is written [RULE-ID]");
                    current = RuleBuilder.Broken(line.LineNumber);
                    continue;
                }

                var id = content.Substring(1, content.Length - 2).Trim();
                if (!IsValidId(id))
                {
                    Problem(line.LineNumber, "rule ID '" + id + "' must be letters, digits, '_' or '-'");
                    current = RuleBuilder.Broken(line.LineNumber);
                }
                else if (!seenIds.Add(id))
                {
                    Problem(line.LineNumber, "rule ID '" + id + "' appears twice in this pack; the second one is ignored", id);
                    current = RuleBuilder.Broken(line.LineNumber);
                }
                else
                {
                    current = new RuleBuilder(id, line.LineNumber);
                }

                continue;
            }

            var equals = content.IndexOf('=');
            if (equals <= 0)
            {
                Problem(line.LineNumber, "expected 'key = value', '[RULE-ID]' or a '#' comment");
                continue;
            }

            var key = content.Substring(0, equals).Trim().ToLowerInvariant();
            var value = content.Substring(equals + 1).Trim();
            if (current is null)
            {
                switch (key)
                {
                    case "pack" when IsValidId(value):
                        packName = value;
                        break;
                    case "pack":
                        Problem(line.LineNumber, "pack name '" + value + "' must be letters, digits, '_' or '-'");
                        break;
                    case "category" when IsValidId(value):
                        category = value;
                        break;
                    case "category":
                        Problem(line.LineNumber, "category '" + value + "' must be letters, digits, '_' or '-'");
                        break;
                    case "description":
                        break;
                    default:
                        Problem(line.LineNumber, "'" + key + "' belongs in a rule section; before the first [RULE-ID] only 'pack', 'category' and 'description' are read");
                        break;
                }

                continue;
            }

            if (!RuleKeys.Contains(key))
            {
                Problem(line.LineNumber, "unknown key '" + key + "'; expected one of: " + string.Join(", ", RuleKeys), current.Id);
                current.MarkBroken();
                continue;
            }

            current.Add(key, value, line.LineNumber);
            lastKey = (key, line.LineNumber);
        }

        Finish();
        return new RulePack(packName, path, isBuiltIn, rules.ToImmutable(), problems.ToImmutable(), category);
    }

    public static bool IsValidId(string id)
    {
        if (id.Length == 0)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsLetterOrDigit(c) && c != '_' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Collects one section's keys and turns them into a rule, reporting each bad value on its own line.</summary>
    private sealed class RuleBuilder
    {
        private readonly List<(string Key, string Value, int Line)> _entries = new List<(string, string, int)>();
        private readonly int _line;
        private bool _broken;

        public RuleBuilder(string id, int line)
        {
            Id = id;
            _line = line;
        }

        public string Id { get; }

        public static RuleBuilder Broken(int line)
        {
            var builder = new RuleBuilder(string.Empty, line);
            builder._broken = true;
            return builder;
        }

        public void MarkBroken() => _broken = true;

        public void Add(string key, string value, int line) => _entries.Add((key, value, line));

        public void Append(string key, string more)
        {
            for (var i = _entries.Count - 1; i >= 0; i--)
            {
                if (_entries[i].Key == key)
                {
                    _entries[i] = (key, _entries[i].Value + " " + more, _entries[i].Line);
                    return;
                }
            }
        }

        public PackRule? Build(string packName, Action<int, string, string?> problem)
        {
            if (_broken && Id.Length == 0)
            {
                return null;
            }

            string? message = null, guidance = null, title = null, description = null;
            MessageFormat? messageFormat = null;
            var tags = ImmutableArray.CreateBuilder<string>();
            var reportsExpression = false;
            ApiPattern? receiver = null;
            var matches = ImmutableArray.CreateBuilder<ApiPattern>();
            TargetFrameworkRange? framework = null;
            TargetFrameworkRange? fixFramework = null;
            RewriteCondition? onlyWhen = null;
            var severity = DiagnosticSeverity.Warning;
            var requires = ImmutableArray.CreateBuilder<AssemblyRequirement>();
            var replacements = ImmutableArray.CreateBuilder<string>();
            var rewrites = ImmutableArray.CreateBuilder<RewriteSpec>();
            var usings = ImmutableArray.CreateBuilder<string>();
            var ok = !_broken;

            foreach (var (key, value, line) in _entries)
            {
                string? error = null;
                switch (key)
                {
                    case "message":
                        message = value;
                        break;
                    case "guidance":
                        guidance = value;
                        break;
                    case "severity":
                        var parsed = ParseSeverity(value);
                        if (parsed is null)
                        {
                            error = "severity is error, warning, info or hidden";
                        }
                        else
                        {
                            severity = parsed.Value;
                        }

                        break;
                    case "match":
                        var pattern = ApiPattern.Parse(value, out error);
                        if (pattern is not null)
                        {
                            matches.Add(pattern);
                        }

                        break;
                    case "receiver":
                        receiver = ApiPattern.Parse(value, out error);
                        if (receiver is not null && !receiver.IsType)
                        {
                            error = "the receiver is a type ID (T:…)";
                        }

                        break;
                    case "requires":
                        var requirement = AssemblyRequirement.Parse(value, out error);
                        if (requirement is not null)
                        {
                            requires.Add(requirement);
                        }

                        break;
                    case "target-framework":
                        framework = TargetFrameworkRange.Parse(value, out error);
                        break;
                    case "fix-target-framework":
                        fixFramework = TargetFrameworkRange.Parse(value, out error);
                        break;
                    case "replacement":
                        if (ApiPattern.Parse(value, out error) is not null)
                        {
                            replacements.Add(value);
                        }

                        break;
                    case "rewrite":
                        var rewrite = RewriteSpec.Parse(value, out error);
                        if (rewrite is not null)
                        {
                            rewrites.Add(rewrite);
                        }

                        break;
                    case "using":
                        usings.Add(value);
                        break;
                    case "only-when":
                        onlyWhen = RewriteCondition.Parse(value, out error);
                        break;
                    case "title":
                        title = value;
                        break;
                    case "description":
                        description = value;
                        break;
                    case "tags":
                        foreach (var tag in value.Split(','))
                        {
                            if (tag.Trim().Length > 0)
                            {
                                tags.Add(tag.Trim());
                            }
                        }

                        break;
                    case "message-format":
                        messageFormat = MessageFormat.Parse(value, out error);
                        break;
                    case "report-on":
                        reportsExpression = value == "expression";
                        error = value is "expression" or "name" ? null : "report-on is name (the default) or expression";
                        break;
                }

                if (error is not null)
                {
                    problem(line, "rule " + Id + ": " + key + ": " + error + "; the rule is ignored", Id);
                    ok = false;
                }
            }

            if (matches.Count == 0 || message is null)
            {
                if (ok)
                {
                    problem(_line, "rule " + Id + " needs " + (matches.Count == 0 ? "'match = <documentation ID>'" : "'message = …'") + "; the rule is ignored", Id);
                }

                return null;
            }

            foreach (var match in matches)
            {
                if (ok && !FitsMatch(match, rewrites, out var mismatch))
                {
                    problem(_line, "rule " + Id + ": " + mismatch + "; the rule is ignored", Id);
                    ok = false;
                }
            }

            if (ok && title is null && (description is not null || tags.Count > 0 || messageFormat is not null))
            {
                problem(_line, "rule " + Id + ": description, tags and message-format describe a diagnostic ID and need its 'title = …'; the rule is ignored", Id);
                ok = false;
            }

            var describes = title is null ? null : new RuleDescription(title, description, tags.ToImmutable(), messageFormat);
            return ok
                ? new PackRule(Id, packName, message, severity, matches.ToImmutable(), receiver, requires.ToImmutable(), framework, replacements.ToImmutable(), rewrites.ToImmutable(), usings.ToImmutable(), guidance, _line, fixFramework, onlyWhen, describes, reportsExpression)
                : null;
        }

        private static bool FitsMatch(ApiPattern match, ImmutableArray<RewriteSpec>.Builder rewrites, out string? problem)
        {
            problem = null;
            foreach (var rewrite in rewrites)
            {
                var fits = rewrite.Kind switch
                {
                    RewriteKind.ChangeType or RewriteKind.Attribute => match.IsType,
                    RewriteKind.ChangeNamespace => match.IsNamespace,
                    RewriteKind.Factory => match.Kind == 'M' && match.MemberName == "#ctor",
                    RewriteKind.None => true,
                    _ => match.IsMember,
                };
                if (!fits)
                {
                    problem = "rewrite '" + rewrite.Text + "' does not apply to " + match.Text;
                    return false;
                }
            }

            return true;
        }

        private static DiagnosticSeverity? ParseSeverity(string value) => value.ToLowerInvariant() switch
        {
            "error" => DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            "info" or "suggestion" => DiagnosticSeverity.Info,
            "hidden" or "silent" => DiagnosticSeverity.Hidden,
            _ => null,
        };
    }
}
