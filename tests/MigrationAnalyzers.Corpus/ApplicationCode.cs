using System;
using System.Globalization;

namespace MigrationAnalyzers.Corpus;

/// <summary>
/// Ordinary application code next to the migrations: services over the DbContext, DTOs, validation and formatting —
/// so every analyzer package has its usual work, not only migration files.
/// </summary>
internal static class ApplicationCode
{
    public static CorpusFile Service(Random random, int index, EfCoreHistory history, Table table)
    {
        var entity = table.EntityName;
        var text = table.Columns.Find(c => c.Type == ColumnType.String && c.Name != "Id");
        var name = $"{entity}Service{index.ToString(CultureInfo.InvariantCulture)}";
        var w = new CodeWriter();
        w.Line("using System;").Line("using System.Collections.Generic;").Line("using System.Linq;").Line("using System.Text;")
            .Line("using System.Threading;").Line("using System.Threading.Tasks;").Line("using Microsoft.EntityFrameworkCore;").Line($"using {history.EntityNamespace};").Line();
        w.Open($"namespace Shop.{history.Module}.Services");
        w.Line($"public sealed record {name}Summary(int Id, string Label, DateTime LoadedAt);").Line();
        w.Open($"public sealed class {name}");
        w.Line($"private readonly {history.ContextName} _db;");
        w.Line($"private readonly Dictionary<int, {name}Summary> _cache = new();").Line();
        w.Line($"public {name}({history.ContextName} db) => _db = db;").Line();

        w.Open($"public async Task<List<{entity}>> PageAsync(int page, int size, CancellationToken cancellationToken)");
        w.Open("if (page < 0)").Line("throw new ArgumentOutOfRangeException(nameof(page));").Close().Line();
        w.Line($"return await _db.{entity}Set").Indent().Line(".OrderBy(x => x.Id)").Line(".Skip(page * size)").Line(".Take(size)").Line(".ToListAsync(cancellationToken);").Outdent();
        w.Close().Line();

        w.Open($"public async Task<{name}Summary?> FindAsync(int id, CancellationToken cancellationToken)");
        w.Open("if (_cache.TryGetValue(id, out var cached))").Line("return cached;").Close().Line();
        w.Line($"var item = await _db.{entity}Set.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);");
        w.Open("if (item is null)").Line("return null;").Close().Line();
        w.Line($"var summary = new {name}Summary(item.Id, Describe(item), DateTime.Now);");
        w.Line("_cache[id] = summary;").Line("return summary;");
        w.Close().Line();

        if (text is not null)
        {
            w.Open($"public IEnumerable<{entity}> Search(string term)");
            w.Line($"var lowered = term.ToLower();");
            w.Line($"return _db.{entity}Set.Where(x => x.{text.Name} != null && x.{text.Name}.ToLower().Contains(lowered)).ToList();");
            w.Close().Line();
        }

        w.Open($"private static string Describe({entity} item)");
        w.Line("var builder = new StringBuilder();");
        w.Line("builder.Append(\"#\").Append(item.Id);");
        foreach (var column in table.Columns)
        {
            if (column.Name == "Id")
            {
                continue;
            }

            w.Line(column.Type switch
            {
                ColumnType.DateTime => $"builder.Append(' ').Append(string.Format(\"{{0:yyyy-MM-dd}}\", item.{column.Name}));",
                ColumnType.Decimal => $"builder.Append(' ').Append(item.{column.Name}.ToString());",
                _ => $"builder.Append(' ').Append(item.{column.Name});",
            });
        }

        w.Line("return builder.ToString();");
        w.Close().Line();

        w.Open("public int Score(IReadOnlyList<int> values)");
        w.Line("var total = 0;");
        w.Open("for (var i = 0; i < values.Count; i++)");
        w.Line(random.Next(2) == 0 ? "total += values[i] * (i % 3 == 0 ? 2 : 1);" : "total += Math.Abs(values[i]);");
        w.Close();
        w.Line("return values.Count == 0 ? 0 : total / values.Count;");
        w.Close();
        w.Close();
        w.Close();
        return new CorpusFile($"src/Shop.{history.Module}/Services/{name}.cs", w.ToString());
    }

    public static CorpusFile Utility(Random random, int index)
    {
        var name = "Helper" + index.ToString(CultureInfo.InvariantCulture);
        var w = new CodeWriter();
        w.Line("using System;").Line("using System.Collections.Generic;").Line("using System.Globalization;").Line("using System.IO;").Line("using System.Linq;").Line();
        w.Open("namespace Shop.Common");
        w.Line($"public enum {name}Kind {{ None, Small, Large, Unknown }}").Line();
        w.Open($"public static class {name}");
        w.Open($"public static {name}Kind Classify(int size) => size switch");
        w.Line($"0 => {name}Kind.None,").Line($"< 100 => {name}Kind.Small,").Line($"< 100000 => {name}Kind.Large,").Line($"_ => {name}Kind.Unknown,");
        w.Close(";").Line();
        w.Open("public static string Slug(string value)");
        w.Open("if (string.IsNullOrWhiteSpace(value))").Line("throw new ArgumentException(\"A value is required.\", nameof(value));").Close();
        w.Line("var parts = value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);");
        w.Line("return string.Join(\"-\", parts.Select(p => p.ToLowerInvariant()));");
        w.Close().Line();
        w.Open("public static decimal Parse(string text)");
        w.Line(random.Next(2) == 0 ? "return decimal.Parse(text);" : "return decimal.Parse(text, CultureInfo.InvariantCulture);");
        w.Close().Line();
        w.Open("public static IReadOnlyList<string> ReadLines(string path)");
        w.Line("var lines = new List<string>();");
        w.Line("using var reader = new StreamReader(path);");
        w.Line("string? line;");
        w.Open("while ((line = reader.ReadLine()) != null)");
        w.Open("if (line.StartsWith(\"#\"))").Line("continue;").Close();
        w.Line("lines.Add(line);");
        w.Close();
        w.Line("return lines;");
        w.Close().Line();
        w.Open("public static int Checksum(byte[] data)");
        w.Line("unchecked").Line("{").Indent().Line("var hash = 17;");
        w.Open("foreach (var b in data)").Line("hash = (hash * 31) + b;").Close();
        w.Line("return hash;").Outdent().Line("}");
        w.Close();
        w.Close();
        w.Close();
        return new CorpusFile($"src/Shop.Common/{name}.cs", w.ToString());
    }
}
