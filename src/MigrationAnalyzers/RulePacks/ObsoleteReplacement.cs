using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.RulePacks;

/// <summary>
/// Reads "Use X instead" from an [Obsolete] message and resolves X to a compatible member: a member of the same type
/// (a rename) or a static member of another type (a move). The result is expressed as a pack rewrite, so the same fix applies.
/// </summary>
public static class ObsoleteReplacement
{
    // "Use HasDatabaseName() instead", "use Volatile.Read or …", "Please use `SendAsync`", "The recommended alternative is X".
    private static readonly Regex Pattern = new Regex(
        @"(?:\buse|recommended alternative is|replaced (?:by|with))\s+['`""]?(?<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(100));

    /// <summary>The rewrite for a use of <paramref name="member"/>, or null when its [Obsolete] message names no compatible replacement.</summary>
    public static (RewriteSpec Rewrite, string ReplacementName)? Find(ISymbol member, INamedTypeSymbol obsoleteAttribute, Compilation compilation)
    {
        if (member is not (IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol or IFieldSymbol) || member.ContainingType is null)
        {
            return null;
        }

        var attribute = member.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, obsoleteAttribute));
        if (attribute is null || attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not string message)
        {
            return null;
        }

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

        var name = match.Groups["name"].Value;
        var lastDot = name.LastIndexOf('.');
        var memberName = lastDot < 0 ? name : name.Substring(lastDot + 1);
        if (memberName == member.Name)
        {
            // "Use Publish(topic, payload)": another overload of the same member, not something a rename can reach.
            return null;
        }

        var targetType = lastDot < 0 ? member.ContainingType : ResolveType(name.Substring(0, lastDot), member.ContainingType, compilation);
        if (targetType is null || !targetType.GetMembers(memberName).Any(candidate => IsCompatible(member, candidate)))
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(targetType, member.ContainingType))
        {
            return (RewriteSpec.Parse("rename " + memberName, out _)!, memberName);
        }

        if (!member.IsStatic || (member is IMethodSymbol { IsExtensionMethod: true }))
        {
            return null;
        }

        var metadataName = targetType.ContainingNamespace.IsGlobalNamespace ? targetType.MetadataName : targetType.ContainingNamespace.ToDisplayString() + "." + targetType.MetadataName;
        return targetType.ContainingType is null
            ? (RewriteSpec.Parse("move " + metadataName + "." + memberName, out _)!, targetType.Name + "." + memberName)
            : null;
    }

    private static bool IsCompatible(ISymbol old, ISymbol candidate)
    {
        if (candidate.IsStatic != old.IsStatic || candidate.Kind != old.Kind || candidate.DeclaredAccessibility != Accessibility.Public && candidate.DeclaredAccessibility != old.DeclaredAccessibility)
        {
            return false;
        }

        return old is not IMethodSymbol oldMethod
            || candidate is IMethodSymbol method && method.Parameters.Length == oldMethod.Parameters.Length && method.IsExtensionMethod == oldMethod.IsExtensionMethod;
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
