using System;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// A framework type told by its names (<c>System.Text</c>, <c>Encoding</c>), without looking it up in the compilation:
/// a lookup searches every reference, and at compilation start it waited for the compiler to bind them. A type of that
/// name and namespace in some other assembly counts too, as it would for the compiler's own checks by name.
/// </summary>
internal static class KnownType
{
    /// <summary>Whether <paramref name="type"/> is the top-level type <paramref name="name"/> of namespace <paramref name="ns"/>.</summary>
    public static bool Is(ITypeSymbol? type, string ns, string name)
    {
        if (type is not INamedTypeSymbol { ContainingType: null } named || named.Name != name)
        {
            return false;
        }

        // The namespace's parts from the innermost out, compared in place.
        var current = named.ContainingNamespace;
        var end = ns.Length;
        while (end > 0)
        {
            var start = ns.LastIndexOf('.', end - 1) + 1;
            var length = end - start;
            if (current is null || current.IsGlobalNamespace || current.Name.Length != length
                || string.CompareOrdinal(current.Name, 0, ns, start, length) != 0)
            {
                return false;
            }

            current = current.ContainingNamespace;
            end = Math.Max(start - 1, 0);
        }

        return current is { IsGlobalNamespace: true };
    }
}
