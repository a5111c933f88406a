using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.Migrations;

/// <summary>
/// MIG1100: the identity of a migration is broken.
/// EF Core: an ID used twice for one context, an ID that is not <c>yyyyMMddHHmmss_Name</c> (EF Core orders migrations
/// by ID, so a malformed one runs out of order), two IDs of one context with the same timestamp, a migration class
/// without <c>[Migration]</c> or <c>[DbContext]</c> (EF Core never runs it). FluentMigrator: a version used twice (the runner refuses to start),
/// a migration without <c>[Migration]</c> (the runner never finds it).
/// Reported on the <c>[Migration]</c> attribute when it is in the hand-written file, otherwise on the class name there.
/// A clash of IDs or versions is one finding: reported on every migration of the group but the first in history order.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MigrationIdentityAnalyzer : MigrationAnalyzer
{
    public MigrationIdentityAnalyzer()
        : base(MIG1100_MigrationIdentity)
    {
    }

    /// <summary>It reports only through the classes <see cref="DeclaredClasses"/> hands over.</summary>
    private protected override bool FiltersGeneratedCodeItself => true;

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Whether any migration API is referenced is asked per file (DeclaredClasses), not here.
        var catalog = MigrationCatalog.For(context.Compilation);
        // Built once per compilation, then looked up per migration: no pairwise scan of the history. The IDE starts a
        // new compilation for each document it analyses, so reading every migration for the index would cost the whole
        // history per document: the attributes' syntax, kept per tree, first rules a clash out for most migrations.
        var index = new Lazy<HistoryIndex>(() => new HistoryIndex(catalog.All), LazyThreadSafetyMode.ExecutionAndPublication);
        var compilation = context.Compilation;
        var keyCounts = new Lazy<IReadOnlyDictionary<string, int>?>(() => MigrationAttributeKeys.CountsOf(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        DeclaredClasses.Register(context, catalog, classContext => Analyze(classContext, catalog, index, keyCounts));
    }

    private static void Analyze(ClassAnalysisContext context, MigrationCatalog catalog, Lazy<HistoryIndex> index, Lazy<IReadOnlyDictionary<string, int>?> keyCounts)
    {
        if (context.Migration is not { } migration
            || MigrationScope.IsBeforeBaseline(migration, context.Options))
        {
            return;
        }

        var location = migration.IdAttribute is { } attribute && attribute.SyntaxTree == migration.Location.SourceTree
            ? attribute.GetLocation()
            : migration.Location;

        if (migration.Framework == MigrationFramework.EntityFrameworkCore)
        {
            if (migration.IdAttribute is null)
            {
                // A hand-written data migration without its Designer half is silently skipped by EF Core: a real bug.
                // A class other migrations derive from, a generic one, or one without an Up of its own is a base class.
                if (migration.UpDeclaration is not null && !migration.Symbol.IsGenericType && !index.Value.IsBaseOfAnother(migration))
                {
                    Report("has no [Migration(\"yyyyMMddHHmmss_Name\")] attribute: EF Core never runs it");
                }

                return;
            }

            if (migration.DbContext is null && index.Value.AnyEfMigrationNamesItsContext)
            {
                // EF Core collects the migrations whose [DbContext] names the context it migrates: without one, never.
                Report("has no [DbContext(typeof(…))] attribute: EF Core runs only the migrations of the context it migrates, so it never runs this one");
            }

            if (migration.Id is not { } id)
            {
                return;
            }

            if (!IsWellFormedEfId(id))
            {
                Report("has ID '" + id + "', which is not yyyyMMddHHmmss_Name: EF Core orders migrations by ID, so this one runs out of order");
            }

            if (!MayShareKey(MigrationAttributeKeys.IdKey(id)) && (migration.Position is not { } timestamp || !MayShareKey(MigrationAttributeKeys.PositionKey(timestamp))))
            {
                return;
            }

            if (index.Value.OthersWithSameId(migration) is { Count: > 0 } sameId)
            {
                Report("has ID '" + id + "', which " + Names(sameId) + " also use" + (sameId.Count == 1 ? "s" : string.Empty) + ": EF Core refuses to run the migrations");
            }
            else if (index.Value.OthersWithSamePosition(migration) is { Count: > 0 } sameTime)
            {
                Report("has timestamp " + migration.Position!.Value.ToString(CultureInfo.InvariantCulture) + ", like " + Names(sameTime) + ": their order is decided by name, not by when they were written; give this one a new timestamp");
            }
        }
        else if (migration.IdAttribute is null)
        {
            // The runner only finds classes with [Migration(version)]: one that holds operations of its own (an Up, or a
            // template method of the project's base class) and is nobody's base class silently never runs.
            // [Maintenance] and [Profile] migrations run without a version.
            if (DeclaresOperations(migration) && !RunsWithoutVersion(migration) && !migration.Symbol.IsGenericType && !index.Value.IsBaseOfAnother(migration))
            {
                Report("has no [Migration(version)] attribute: the FluentMigrator runner never finds it");
            }
        }
        else if (migration.Position is { } version && MayShareKey(MigrationAttributeKeys.PositionKey(version))
                 && index.Value.OthersWithSamePosition(migration) is { Count: > 0 } sameVersion)
        {
            Report("has version " + version.ToString(CultureInfo.InvariantCulture) + ", like " + Names(sameVersion) + ": the FluentMigrator runner refuses to start");
        }

        // Another attribute spells the same key, or the syntax cannot tell: then the semantic index decides.
        bool MayShareKey(string key)
            => keyCounts.Value is not { } counts || !counts.TryGetValue(key, out var count) || count > 1;

        void Report(string problem)
            => context.ReportDiagnostic(Diagnostic.Create(MIG1100_MigrationIdentity, location, migration.Name, problem));
    }

    private static bool RunsWithoutVersion(MigrationInfo migration)
    {
        foreach (var attribute in migration.Symbol.GetAttributes())
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                if (type.Name is "MaintenanceAttribute" or "ProfileAttribute")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Up, or an override the base class's Up calls, is declared in the class itself.</summary>
    private static bool DeclaresOperations(MigrationInfo migration)
    {
        foreach (var member in migration.Symbol.GetMembers())
        {
            if (member is IMethodSymbol { IsOverride: true, DeclaringSyntaxReferences.Length: > 0 } method
                && (method.Name == "Up" || migration.Up.CalledMethods.Length > 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>yyyyMMddHHmmss_Name</c> with a real date and time, the form <c>dotnet ef migrations add</c> writes.</summary>
    public static bool IsWellFormedEfId(string id)
        => id.Length > 15
           && id[14] == '_'
           && DateTime.TryParseExact(id.Substring(0, 14), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
           && id.Substring(15).Trim().Length > 0;

    private static string Names(List<MigrationInfo> migrations)
    {
        var names = new List<string>();
        foreach (var migration in migrations)
        {
            names.Add("'" + migration.Symbol.ToDisplayString() + "'");
        }

        return string.Join(", ", names);
    }

    /// <summary>Migrations grouped by history and ID, and by history and position.</summary>
    private sealed class HistoryIndex
    {
        private readonly Dictionary<(MigrationFramework, ISymbol?, string), List<MigrationInfo>> _byId =
            new Dictionary<(MigrationFramework, ISymbol?, string), List<MigrationInfo>>(new KeyComparer<string>());

        private readonly Dictionary<(MigrationFramework, ISymbol?, long), List<MigrationInfo>> _byPosition =
            new Dictionary<(MigrationFramework, ISymbol?, long), List<MigrationInfo>>(new KeyComparer<long>());

        private readonly HashSet<INamedTypeSymbol> _baseClasses = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

        public HistoryIndex(IEnumerable<MigrationInfo> migrations)
        {
            foreach (var migration in migrations)
            {
                for (var baseType = migration.Symbol.BaseType; baseType is not null; baseType = baseType.BaseType)
                {
                    _baseClasses.Add(baseType.OriginalDefinition);
                }

                // FluentMigrator has one history per assembly; EF Core one per context.
                var context = migration.Framework == MigrationFramework.EntityFrameworkCore ? migration.DbContext : null;
                AnyEfMigrationNamesItsContext |= context is not null;
                if (migration.Id is { } id)
                {
                    Add(_byId, (migration.Framework, context, id), migration);
                }

                if (migration.Position is { } position)
                {
                    Add(_byPosition, (migration.Framework, context, position), migration);
                }
            }
        }

        /// <summary>Some EF Core migration of the compilation names its context, as scaffolded migrations do.</summary>
        public bool AnyEfMigrationNamesItsContext { get; }

        /// <summary>Another migration derives from this one: it is a base class, whatever its attributes.</summary>
        public bool IsBaseOfAnother(MigrationInfo migration) => _baseClasses.Contains(migration.Symbol.OriginalDefinition);

        public List<MigrationInfo> OthersWithSameId(MigrationInfo migration)
            => migration.Id is { } id ? Others(_byId, (migration.Framework, Context(migration), id), migration) : new List<MigrationInfo>();

        public List<MigrationInfo> OthersWithSamePosition(MigrationInfo migration)
            => migration.Position is { } position ? Others(_byPosition, (migration.Framework, Context(migration), position), migration) : new List<MigrationInfo>();

        private static ISymbol? Context(MigrationInfo migration)
            => migration.Framework == MigrationFramework.EntityFrameworkCore ? migration.DbContext : null;

        private static void Add<TKey>(Dictionary<TKey, List<MigrationInfo>> map, TKey key, MigrationInfo migration)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<MigrationInfo>();
            }

            list.Add(migration);
        }

        /// <summary>
        /// The other migrations sharing <paramref name="key"/>, or none for the first of them in history order (position,
        /// then name): a clash is one finding, so the first migration of the group does not report it again.
        /// </summary>
        private static List<MigrationInfo> Others<TKey>(Dictionary<TKey, List<MigrationInfo>> map, TKey key, MigrationInfo migration)
            where TKey : notnull
        {
            var others = new List<MigrationInfo>();
            if (map.TryGetValue(key, out var list) && !SymbolEqualityComparer.Default.Equals(list[0].Symbol, migration.Symbol))
            {
                foreach (var other in list)
                {
                    if (!SymbolEqualityComparer.Default.Equals(other.Symbol, migration.Symbol))
                    {
                        others.Add(other);
                    }
                }
            }

            return others;
        }
    }

    private sealed class KeyComparer<T> : IEqualityComparer<(MigrationFramework Framework, ISymbol? Context, T Value)>
    {
        public bool Equals((MigrationFramework Framework, ISymbol? Context, T Value) x, (MigrationFramework Framework, ISymbol? Context, T Value) y)
            => x.Framework == y.Framework
               && SymbolEqualityComparer.Default.Equals(x.Context, y.Context)
               && EqualityComparer<T>.Default.Equals(x.Value, y.Value);

        public int GetHashCode((MigrationFramework Framework, ISymbol? Context, T Value) obj)
            => ((int)obj.Framework * 397) ^ SymbolEqualityComparer.Default.GetHashCode(obj.Context) ^ EqualityComparer<T>.Default.GetHashCode(obj.Value!);
    }
}
