using System;
using System.IO;

namespace MigrationAnalyzers.Tests.Infrastructure;

/// <summary>
/// A checked-in file whose content is derived from the code (rule index, preset configs). The test that owns it fails
/// when the file is stale, and rewrites it when MIGRATIONANALYZERS_UPDATE_DOCS=1 is set.
/// </summary>
public static class GeneratedFile
{
    public const string UpdateVariable = "MIGRATIONANALYZERS_UPDATE_DOCS";

    public const string RegenerateCommand =
        UpdateVariable + "=1 dotnet test tests/MigrationAnalyzers.Tests --filter \"FullyQualifiedName~GeneratedDocumentTests\"";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Asserts that <paramref name="relativePath"/> (from the repository root, '/'-separated) holds <paramref name="expected"/>.</summary>
    public static void AssertUpToDate(string relativePath, string expected)
    {
        var path = Path.Combine(RepositoryPaths.Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : null;
        if (actual == expected)
        {
            return;
        }

        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
            return;
        }

        Assert.Fail($"{relativePath} is {(actual is null ? "missing" : "stale")}: it is generated from the descriptors and code fixes. Regenerate it with:\n  {RegenerateCommand}\nand commit the result.");
    }
}
