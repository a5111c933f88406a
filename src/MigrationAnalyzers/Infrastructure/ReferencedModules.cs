using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Infrastructure;

/// <summary>
/// The modules of a referenced assembly file, for analyzers that read its metadata tables directly (names and custom
/// attribute rows, no symbols): far cheaper than asking the compiler for the symbols of a whole reference pack.
/// </summary>
internal static class ReferencedModules
{
    /// <summary>The reference's modules; default when its metadata cannot be read, where every name must count as a candidate.</summary>
    public static ImmutableArray<ModuleMetadata> Of(PortableExecutableReference reference)
    {
        try
        {
            return reference.GetMetadata() switch
            {
                AssemblyMetadata assembly => assembly.GetModules(),
                ModuleMetadata module => ImmutableArray.Create(module),
                _ => default,
            };
        }
        catch (Exception e) when (e is BadImageFormatException or System.IO.IOException or InvalidOperationException or NotSupportedException)
        {
            return default;
        }
    }
}
