using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace MigrationAnalyzers.Evaluation.Harness;

/// <summary>One history as its <c>history.ini</c> describes it: what it is, which package set it compiles against,
/// which shared folders are compiled with it and which AnalyzerConfig lines it is analysed with.</summary>
public sealed record HistoryDefinition(
    string Name,
    string Folder,
    string Description,
    string References,
    ImmutableArray<string> Includes,
    ImmutableArray<string> Settings)
{
    public const string IniFileName = "history.ini";
    public const string ExpectedFileName = "expected.tsv";

    public string ExpectedPath => Path.Combine(Folder, ExpectedFileName);

    public static HistoryDefinition Load(string historiesRoot, string name)
    {
        var folder = Path.Combine(historiesRoot, name);
        var iniPath = Path.Combine(folder, IniFileName);
        string description = "", references = "";
        var includes = ImmutableArray.CreateBuilder<string>();
        var settings = ImmutableArray.CreateBuilder<string>();

        var lineNumber = 0;
        foreach (var rawLine in File.ReadAllLines(iniPath))
        {
            lineNumber++;
            var line = StripComment(rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"{iniPath}:{lineNumber}: expected 'key = value', found '{rawLine}'");
            }

            var key = line.Substring(0, equals).Trim();
            var value = line.Substring(equals + 1).Trim();
            switch (key.ToLowerInvariant())
            {
                case "description": description = value; break;
                case "references": references = value; break;
                case "include": includes.Add(value.Replace('\\', '/').TrimEnd('/')); break;
                case "setting": settings.Add(value); break;
                default: throw new FormatException($"{iniPath}:{lineNumber}: unknown key '{key}' (description, references, include, setting)");
            }
        }

        if (references.Length == 0)
        {
            throw new FormatException($"{iniPath}: 'references =' names no package set");
        }

        return new HistoryDefinition(name, folder, description, references, includes.ToImmutable(), settings.ToImmutable());
    }

    /// <summary>Every history folder under <paramref name="historiesRoot"/> (a folder with a history.ini; Shared/ has none).</summary>
    public static IEnumerable<string> Names(string historiesRoot)
        => Directory.Exists(historiesRoot)
            ? Directory.GetDirectories(historiesRoot)
                .Where(d => File.Exists(Path.Combine(d, IniFileName)))
                .Select(Path.GetFileName)
                .OfType<string>()
                .OrderBy(n => n, StringComparer.Ordinal)
            : Enumerable.Empty<string>();

    /// <summary>
    /// The C# files of the history and of its includes. A history's own file is named relative to its folder; an
    /// included file relative to Histories/ (<c>Shared/Name/...</c>), as expected.tsv names them.
    /// </summary>
    public IEnumerable<HistorySource> Sources(string historiesRoot)
    {
        foreach (var file in CSharpFiles(Folder))
        {
            yield return HistorySource.Read(file, RelativePath(Folder, file), RelativePath(historiesRoot, file));
        }

        foreach (var include in Includes)
        {
            var includeFolder = Path.Combine(historiesRoot, include);
            if (!Directory.Exists(includeFolder))
            {
                throw new DirectoryNotFoundException($"{Name}/{IniFileName}: include '{include}' is not a folder under Histories/");
            }

            foreach (var file in CSharpFiles(includeFolder))
            {
                var relative = RelativePath(historiesRoot, file);
                yield return HistorySource.Read(file, relative, relative);
            }
        }
    }

    /// <summary>A '#' starts a comment at the start of a line or after white space (values such as paths keep theirs).</summary>
    internal static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line.Substring(0, i);
            }
        }

        return line;
    }

    private static IEnumerable<string> CSharpFiles(string folder)
        => Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(folder, f))
            .OrderBy(f => f, StringComparer.Ordinal);

    private static bool IsBuildOutput(string folder, string file)
        => RelativePath(folder, file).Split('/').Any(part => part is "bin" or "obj");

    private static string RelativePath(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');
}

/// <summary>One source file: the path expected.tsv uses for it, the path the compilation gives its tree, and its text.</summary>
public sealed record HistorySource(string ReportPath, string TreePath, string Text)
{
    /// <summary>Trees get a project-like absolute path (<c>/src/History/Migrations/X.cs</c>) so that rules that look at
    /// folders and file names see what they see in a real build.</summary>
    public static HistorySource Read(string file, string reportPath, string pathUnderHistories)
        => new(reportPath, "/src/" + pathUnderHistories, File.ReadAllText(file));
}
