using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.RulePacks;

/// <summary>Turns documentation IDs into symbols of one compilation (once, at compilation start).</summary>
public static class RuleResolver
{
    /// <summary>The symbols a pattern names; empty when the API is absent from this compilation.</summary>
    public static ImmutableArray<ISymbol> Resolve(ApiPattern pattern, Compilation compilation)
    {
        if (!pattern.IsMember || (!pattern.AllOverloads && !pattern.IsParameterless))
        {
            return DocumentationCommentId.GetSymbolsForDeclarationId(pattern.Text, compilation);
        }

        var builder = ImmutableArray.CreateBuilder<ISymbol>();
        foreach (var type in ResolveTypes(pattern.ContainingTypeId!, compilation))
        {
            var name = pattern.MemberName == "#ctor" ? WellKnownMemberNames.InstanceConstructorName : pattern.MemberName!;
            var members = pattern.IsEveryMember ? type.GetMembers() : type.GetMembers(name);
            foreach (var member in members)
            {
                if (pattern.IsEveryMember && member.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                if (KindMatches(pattern.Kind, member) && (!pattern.IsParameterless || member is IMethodSymbol { Parameters.Length: 0 }))
                {
                    builder.Add(member);
                }
            }
        }

        return builder.ToImmutable();
    }

    public static IEnumerable<INamedTypeSymbol> ResolveTypes(string typeId, Compilation compilation)
        => DocumentationCommentId.GetSymbolsForDeclarationId(typeId, compilation).OfType<INamedTypeSymbol>();

    /// <summary>A type by documentation ID (<c>T:…</c>) or metadata name (<c>Namespace.Type</c>).</summary>
    public static INamedTypeSymbol? ResolveType(string name, Compilation compilation)
        => name.StartsWith("T:", StringComparison.Ordinal)
            ? ResolveTypes(name, compilation).FirstOrDefault()
            : compilation.GetTypeByMetadataName(name);

    /// <summary>Whether a documentation ID (any kind, overload wildcard allowed) names something in this compilation.</summary>
    public static bool Exists(string id, Compilation compilation)
    {
        var pattern = ApiPattern.Parse(id, out _);
        if (pattern is null)
        {
            return false;
        }

        if (pattern.IsNamespace)
        {
            return FindNamespace(pattern.Text.Substring(2), compilation) is not null;
        }

        return !Resolve(pattern, compilation).IsEmpty;
    }

    public static INamespaceSymbol? FindNamespace(string name, Compilation compilation)
    {
        INamespaceSymbol? current = compilation.GlobalNamespace;
        foreach (var part in name.Split('.'))
        {
            // By name: listing every child namespace merges each one across all references (every System.* for System).
            current = current?.GetMembers(part).OfType<INamespaceSymbol>().FirstOrDefault();
        }

        return current;
    }

    private static bool KindMatches(char kind, ISymbol member) => kind switch
    {
        'M' => member.Kind == SymbolKind.Method,
        'P' => member.Kind == SymbolKind.Property,
        'F' => member.Kind == SymbolKind.Field,
        'E' => member.Kind == SymbolKind.Event,
        _ => false,
    };
}
