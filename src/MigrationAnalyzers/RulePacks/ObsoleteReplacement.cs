using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// Reads "Use X instead" from an [Obsolete] message and resolves X to a candidate member: a member of the same type
/// (a rename) or a static member of another type (a move). The result is expressed as a pack rewrite, so the same fix applies.
/// Whether the candidate really replaces a given use (overload, argument conversions, static or instance, return type)
/// is decided per use by <see cref="ObsoleteReplacementBinding"/>, on the rewritten call.
/// </summary>
public static class ObsoleteReplacement
{
    /// <summary>The replacement an [Obsolete] message names: the rewrite, the name shown, and where the member is looked up.</summary>
    public sealed class Candidate
    {
        public Candidate(RewriteSpec rewrite, string name, INamedTypeSymbol targetType, string memberName, bool isMove)
        {
            Rewrite = rewrite;
            Name = name;
            TargetType = targetType;
            MemberName = memberName;
            IsMove = isMove;
        }

        public RewriteSpec Rewrite { get; }

        public string Name { get; }

        public INamedTypeSymbol TargetType { get; }

        public string MemberName { get; }

        /// <summary>True for a static member of another type, false for a rename on the same type.</summary>
        public bool IsMove { get; }
    }

    // "Use HasDatabaseName() instead", "use Volatile.Read or …", "Please use `SendAsync`", "The recommended alternative is X".
    private static readonly Regex Pattern = new Regex(
        @"(?:\buse|recommended alternative is|replaced (?:by|with))\s+['`""]?(?<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(100));

    /// <summary>The rewrite for a use of <paramref name="member"/>, or null when its [Obsolete] message names no compatible replacement.</summary>
    public static Candidate? Find(ISymbol member, Compilation compilation)
    {
        if (member is not (IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol or IFieldSymbol) || member.ContainingType is null)
        {
            return null;
        }

        var attribute = member.GetAttributes().FirstOrDefault(a => KnownType.Is(a.AttributeClass, "System", "ObsoleteAttribute"));
        if (attribute is null || attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not string message)
        {
            return null;
        }

        if (ReplacementNamed(message, member.Name) is not { } name)
        {
            return null;
        }

        var lastDot = name.LastIndexOf('.');
        var memberName = lastDot < 0 ? name : name.Substring(lastDot + 1);

        var targetType = lastDot < 0 ? member.ContainingType : ResolveType(name.Substring(0, lastDot), member.ContainingType, compilation);
        if (targetType is null || !targetType.GetMembers(memberName).Any(candidate => IsCompatible(member, candidate)))
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(targetType, member.ContainingType))
        {
            return new Candidate(RewriteSpec.Parse("rename " + memberName, out _)!, memberName, targetType, memberName, isMove: false);
        }

        if (!member.IsStatic || (member is IMethodSymbol { IsExtensionMethod: true }))
        {
            return null;
        }

        var metadataName = targetType.ContainingNamespace.IsGlobalNamespace ? targetType.MetadataName : targetType.ContainingNamespace.ToDisplayString() + "." + targetType.MetadataName;
        return targetType.ContainingType is null
            ? new Candidate(RewriteSpec.Parse("move " + metadataName + "." + memberName, out _)!, targetType.Name + "." + memberName, targetType, memberName, isMove: true)
            : null;
    }

    /// <summary>
    /// The replacement an [Obsolete] message on a member called <paramref name="memberName"/> names, as written
    /// (<c>HasDatabaseName</c>, <c>Volatile.Read</c>); null when it names none, or only the member itself.
    /// </summary>
    internal static string? ReplacementNamed(string message, string memberName)
    {
        Match match;
        try
        {
            match = Pattern.Match(message);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        if (!match.Success)
        {
            return null;
        }

        // "Use Publish(topic, payload)": another overload of the same member, not something a rename can reach.
        var name = match.Groups["name"].Value;
        var lastDot = name.LastIndexOf('.');
        return (lastDot < 0 ? name : name.Substring(lastDot + 1)) == memberName ? null : name;
    }

    /// <summary>
    /// A first filter only: the same kind of member, visible, and for methods one that could take as many arguments as the old one.
    /// Static or instance, argument types and return type are judged on each use by binding the rewritten call.
    /// </summary>
    private static bool IsCompatible(ISymbol old, ISymbol candidate)
    {
        if (candidate.Kind != old.Kind || candidate.DeclaredAccessibility != Accessibility.Public && candidate.DeclaredAccessibility != old.DeclaredAccessibility)
        {
            return false;
        }

        return old is not IMethodSymbol oldMethod
            || candidate is IMethodSymbol method && method.IsExtensionMethod == oldMethod.IsExtensionMethod && CanTake(method, oldMethod.Parameters.Length);
    }

    private static bool CanTake(IMethodSymbol method, int argumentCount)
    {
        var required = method.Parameters.Count(parameter => !parameter.IsOptional && !parameter.IsParams);
        var takesAnyNumber = method.Parameters.Any(parameter => parameter.IsParams);
        return argumentCount >= required && (takesAnyNumber || argumentCount <= method.Parameters.Length);
    }

    private static INamedTypeSymbol? ResolveType(string name, INamedTypeSymbol near, Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName(name) is { } qualified)
        {
            return qualified;
        }

        // A simple name: a type of the same namespace as the obsolete member's type (Thread → Volatile).
        // (Looked up through the compilation: the type's own namespace symbol only knows the types of its assembly.)
        return name.IndexOf('.') < 0 && !near.ContainingNamespace.IsGlobalNamespace
            ? compilation.GetTypeByMetadataName(near.ContainingNamespace.ToDisplayString() + "." + name)
            : null;
    }
}
