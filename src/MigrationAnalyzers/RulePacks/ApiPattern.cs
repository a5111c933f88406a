namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// The API a rule matches, written as a documentation comment ID (<c>M:</c>, <c>T:</c>, <c>P:</c>, <c>F:</c>, <c>E:</c>, <c>N:</c>).
/// A member without a parameter list, or with <c>(*)</c>, matches every overload.
/// </summary>
public sealed class ApiPattern
{
    private ApiPattern(string text, char kind, string? containingTypeId, string? memberName, bool allOverloads)
    {
        Text = text;
        Kind = kind;
        ContainingTypeId = containingTypeId;
        MemberName = memberName;
        AllOverloads = allOverloads;
    }

    /// <summary>The documentation ID as written (with <c>(*)</c> removed).</summary>
    public string Text { get; }

    /// <summary>M, T, P, F, E or N.</summary>
    public char Kind { get; }

    /// <summary>For members: <c>T:</c> ID of the declaring type, used when the member itself no longer exists.</summary>
    public string? ContainingTypeId { get; }

    /// <summary>For members: the simple name (<c>#ctor</c> for constructors).</summary>
    public string? MemberName { get; }

    public bool AllOverloads { get; }

    /// <summary><c>M:Type.Method()</c>: only the overload without parameters (documentation IDs omit the empty list).</summary>
    public bool IsParameterless { get; private set; }

    /// <summary><c>M:Namespace.Type.*</c>: every public method and constructor of the type (<c>P:…*</c> every property, and so on).</summary>
    public bool IsEveryMember => MemberName == "*";

    public bool IsType => Kind == 'T';

    public bool IsNamespace => Kind == 'N';

    public bool IsMember => Kind is 'M' or 'P' or 'F' or 'E';

    /// <summary>Reads a documentation ID; returns null and a reason when it is not one.</summary>
    public static ApiPattern? Parse(string text, out string? error)
    {
        error = null;
        text = text.Trim();
        if (text.Length < 3 || text[1] != ':' || "MTPFEN".IndexOf(text[0]) < 0)
        {
            error = "expected a documentation ID such as M:Namespace.Type.Method(System.String), T:Namespace.Type or N:Namespace";
            return null;
        }

        var kind = text[0];
        var allOverloads = false;
        if (text.EndsWith("(*)", System.StringComparison.Ordinal))
        {
            text = text.Substring(0, text.Length - 3);
            allOverloads = true;
        }

        var parameters = text.IndexOf('(');
        var name = parameters < 0 ? text.Substring(2) : text.Substring(2, parameters - 2);
        if (parameters >= 0 && !text.EndsWith(")", System.StringComparison.Ordinal))
        {
            error = "the parameter list is not closed";
            return null;
        }

        if (name.EndsWith(".*", System.StringComparison.Ordinal) && (parameters >= 0 || allOverloads))
        {
            error = "'.*' names every member of the type and takes no parameter list";
            return null;
        }

        if (name.Length == 0 || name.IndexOf(' ') >= 0 || name.StartsWith(".", System.StringComparison.Ordinal) || name.EndsWith(".", System.StringComparison.Ordinal))
        {
            error = "the name is empty or contains spaces";
            return null;
        }

        if (kind is 'T' or 'N')
        {
            if (parameters >= 0 || allOverloads)
            {
                error = "a type or namespace ID has no parameter list";
                return null;
            }

            return new ApiPattern(text, kind, null, null, false);
        }

        // Members: the last dot outside generic arity marks separates the declaring type from the member name.
        var lastDot = name.LastIndexOf('.');
        if (lastDot <= 0)
        {
            error = "a member ID needs its declaring type, e.g. M:Namespace.Type.Member";
            return null;
        }

        var memberName = name.Substring(lastDot + 1);
        var arity = memberName.IndexOf("``", System.StringComparison.Ordinal);
        if (arity >= 0)
        {
            memberName = memberName.Substring(0, arity);
        }

        // Without a parameter list a member ID names every overload (write "()" for the parameterless one).
        var pattern = new ApiPattern(text, kind, "T:" + name.Substring(0, lastDot), memberName, allOverloads || parameters < 0);
        pattern.IsParameterless = text.EndsWith("()", System.StringComparison.Ordinal);
        return pattern;
    }

    public override string ToString() => AllOverloads && Kind == 'M' ? Text + "(*)" : Text;
}
