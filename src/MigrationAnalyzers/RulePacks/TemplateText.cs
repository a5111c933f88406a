using System.Collections.Generic;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// Reading <c>{capture}</c> placeholders in templates, shared by the parser (checks) and the code fix (expansion).
/// <c>{{</c> and <c>}}</c> stand for a literal brace, so a template can write an object initializer
/// (<c>new Options {{ WriteIndented = true }}</c>).
/// </summary>
public static class TemplateText
{
    /// <summary>Whether <paramref name="template"/> has an escaped brace (<c>{{</c> or <c>}}</c>) at <paramref name="index"/>.</summary>
    public static bool IsEscapedBrace(string template, int index)
        => index + 1 < template.Length && (template[index] == '{' || template[index] == '}') && template[index + 1] == template[index];

    /// <summary>Braces and parentheses are balanced and every capture has a name.</summary>
    public static bool IsBalanced(string template, out string? error)
    {
        error = null;
        var parentheses = 0;
        var inCapture = false;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (!inCapture && IsEscapedBrace(template, i))
            {
                i++;
                continue;
            }

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

        foreach (var name in Captures(template))
        {
            if (name.Length == 0)
            {
                error = "a capture has no name";
                return false;
            }
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
            if (start < 0 && IsEscapedBrace(template, i))
            {
                i++;
            }
            else if (template[i] == '{')
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
