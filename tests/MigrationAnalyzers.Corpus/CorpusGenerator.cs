using System;
using System.Collections.Generic;
using System.Linq;

namespace MigrationAnalyzers.Corpus;

/// <summary>
/// Makes a synthetic solution with <c>migrations</c> migrations: about two thirds EF Core (each one a migration file
/// and a Designer file) and one third FluentMigrator, in several histories, plus services and helpers.
/// The same seed always gives the same files.
/// </summary>
public static class CorpusGenerator
{
    public const int DefaultSeed = 20240101;

    /// <summary>Migrations per history: a large solution is several modules, each with its own DbContext or FluentMigrator runner.</summary>
    private const int MigrationsPerHistory = 400;

    public static IReadOnlyList<CorpusFile> Generate(int migrations, int seed = DefaultSeed)
    {
        if (migrations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(migrations), "at least one migration");
        }

        var random = new Random(seed);
        var files = new List<CorpusFile>();
        var histories = Math.Max(1, (migrations + MigrationsPerHistory - 1) / MigrationsPerHistory);
        var ef = Enumerable.Range(0, histories).Select(i => new EfCoreHistory(random, i, new DateTime(2019, 1, 1).AddDays(i))).ToList();
        var fm = Enumerable.Range(0, histories).Select(i => new FluentMigratorHistory(random, i, 202001010000L + (i * 1000000L))).ToList();
        files.AddRange(fm.Select(h => h.BaseClass()));

        // Services are written last, against the final schema, so they compile whatever the history did to their table.
        var services = new List<int>();
        for (var i = 0; i < migrations; i++)
        {
            var history = i % histories;
            if (random.Next(3) == 0)
            {
                files.Add(fm[history].AddMigration());
            }
            else
            {
                files.AddRange(ef[history].AddMigration());
            }

            // Application code: about one file per two migrations.
            if (i % 2 == 1)
            {
                if (random.Next(3) > 0)
                {
                    services.Add(history);
                }
                else
                {
                    files.Add(ApplicationCode.Utility(random, i));
                }
            }
        }

        for (var i = 0; i < services.Count; i++)
        {
            var context = ef[services[i]];
            var tables = context.Tables.ToList();
            files.Add(tables.Count == 0 ? ApplicationCode.Utility(random, 100000 + i) : ApplicationCode.Service(random, i, context, tables[random.Next(tables.Count)]));
        }

        foreach (var history in ef)
        {
            files.AddRange(history.SupportingFiles());
        }

        return files;
    }
}
