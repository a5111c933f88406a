using System;
using System.IO;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>The histories are read from the source tree (found from the test binaries), and results.md is written beside them.</summary>
public static class EvaluationPaths
{
    public static string ProjectFolder { get; } = FindProjectFolder();

    public static string HistoriesRoot => Path.Combine(ProjectFolder, "Histories");

    public static string ResultsFile => Path.Combine(ProjectFolder, "results.md");

    private static string FindProjectFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "MigrationAnalyzers.Evaluation");
            if (File.Exists(Path.Combine(candidate, "MigrationAnalyzers.Evaluation.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/MigrationAnalyzers.Evaluation was not found above " + AppContext.BaseDirectory);
    }
}
