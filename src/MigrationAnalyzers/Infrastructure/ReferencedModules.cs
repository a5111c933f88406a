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

    /// <summary>
    /// Reads the source of <paramref name="compilation"/> and of every project it references, and every module of every
    /// assembly file it references. False when some reference could not be read: then any name may be declared there.
    /// </summary>
    public static bool ReadAll(Compilation compilation, Action<Compilation> readSource, Action<ModuleMetadata> readModule)
    {
        var complete = true;
        readSource(compilation);
        foreach (var reference in compilation.References)
        {
            switch (reference)
            {
                case PortableExecutableReference file when Of(file) is { IsDefault: false } modules:
                    try
                    {
                        foreach (var module in modules)
                        {
                            readModule(module);
                        }
                    }
                    catch (Exception e) when (e is BadImageFormatException or System.IO.IOException or InvalidOperationException or NotSupportedException)
                    {
                        complete = false;
                    }

                    break;
                case CompilationReference project:
                    readSource(project.Compilation);
                    break;
                default:
                    complete = false;
                    break;
            }
        }

        return complete;
    }
}
