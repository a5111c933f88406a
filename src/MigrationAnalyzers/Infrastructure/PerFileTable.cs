using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Infrastructure;

/// <summary>
/// A table with an entry per file of a compilation, made at its full size. Grown from empty, it resized about a dozen
/// times on a project of thousands of files, each time under every one of its locks, while the driver's threads were
/// adding files to it; a collection that stopped the thread holding them stopped the others too.
/// </summary>
internal static class PerFileTable
{
    /// <summary>Locks enough for the driver's threads not to queue on one; the processor count is not for analyzers to read.</summary>
    private const int ConcurrencyLevel = 16;

    public static ConcurrentDictionary<SyntaxTree, T> For<T>(Compilation compilation)
        => new ConcurrentDictionary<SyntaxTree, T>(
            concurrencyLevel: ConcurrencyLevel,
            capacity: Math.Max(31, compilation.SyntaxTrees.Count()));
}
