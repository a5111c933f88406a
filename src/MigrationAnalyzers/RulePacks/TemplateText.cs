using System;
using System.Collections.Generic;

namespace MigrationAnalyzers.RulePacks;

/// <summary>Reading <c>{capture}</c> placeholders in templates, shared by the parser (checks) and the code fix (expansion).</summary>
public static class TemplateText
{
    /// <summary>Braces and parentheses are balanced and every capture has a name.</summary>
    public static bool IsBalanced(string template, out string? error)
    {
        error = null;
        var parentheses = 0;
        var inCapture = false;
        foreach (var c in template)
        {
            switch (c)
            {
                case '{' when inCapture:
                    error = "'{' inside a capture";
                    return false;
                case '{':
                    inCapture = true;
                    break;
                case '}' when !inCapture:
                    error = "'}' without '{'";
                    return false;
                case '}':
                    inCapture = false;
                    break;
                case '(':
                    parentheses++;
                    break;
                case ')':
                    parentheses--;
                    if (parentheses < 0)
                    {
                        error = "')' without '('";
                        return false;
                    }

                    break;
            }
        }

        if (inCapture || parentheses != 0)
        {
            error = inCapture ? "a capture is not closed with '}'" : "parentheses are not balanced";
            return false;
        }

        if (template.IndexOf("{}", StringComparison.Ordinal) >= 0)
        {
            error = "a capture has no name";
            return false;
        }

        return true;
    }

    /// <summary>The capture names in order of appearance.</summary>
    public static IReadOnlyList<string> Captures(string template)
    {
        var result = new List<string>();
        var start = -1;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{')
            {
                start = i + 1;
            }
            else if (template[i] == '}' && start >= 0)
            {
                result.Add(template.Substring(start, i - start).Trim());
                start = -1;
            }
        }

        return result;
    }
}
