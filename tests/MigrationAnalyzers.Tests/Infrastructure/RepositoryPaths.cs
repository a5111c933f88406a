using System;
using System.IO;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>Finds the repository root from the test binaries, so tests can read rules/, samples/ and release tracking.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MigrationAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MigrationAnalyzers.sln was not found above " + AppContext.BaseDirectory);
    }
}
