using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Caching;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.Databases;

/// <summary>
/// The one place that decides which database a migration targets. Strongest evidence first:
/// <list type="number">
/// <item><c>migration_analyzers.target_database</c> for the file (per folder through .editorconfig);</item>
/// <item>the migration's own Up and Down: provider annotations, provider enums, store types, raw SQL quoting;</item>
/// <item>the other migrations of its folder, then of its history: a history targets one database, so a migration with
/// no evidence of its own takes the database most of its siblings show;</item>
/// <item>its Designer's target model (and then its history's): weaker, a model shared across providers can carry
/// another provider's annotations, so the operations win wherever they speak;</item>
/// <item>FluentMigrator <c>IfDatabase(…)</c> blocks that all name one database;</item>
/// <item>the only provider package the compilation references.</item>
/// </list>
/// Otherwise the database is unknown and only provider-neutral rules run. Never a guess, never several candidates.
/// Read once per migration and once per folder or history, held per compilation.
/// </summary>
public sealed class TargetDatabasePolicy
{
    private static readonly ConditionalWeakTable<Compilation, TargetDatabasePolicy> Policies = new ConditionalWeakTable<Compilation, TargetDatabasePolicy>();

    private readonly Compilation _compilation;
    private readonly MigrationCatalog _catalog;
    private readonly ConcurrentDictionary<MigrationInfo, Lazy<Findings>> _findings = new ConcurrentDictionary<MigrationInfo, Lazy<Findings>>();

    // Per migration, as every rule asks for every migration it judges: the group keys alone (a context's display name,
    // the folder) cost more than the answer once the majorities are known.
    private readonly ConcurrentDictionary<MigrationInfo, (DatabaseProvider Provider, TargetEvidence Evidence)> _decisions =
        new ConcurrentDictionary<MigrationInfo, (DatabaseProvider, TargetEvidence)>();

    // The whole answer, with the options it was given: some thirty rules ask for each migration, with the options the
    // compilation's analyzers share, and reading the setting and the version made a new answer for every one of them.
    private readonly ConcurrentDictionary<MigrationInfo, (AnalyzerOptions? Options, TargetDatabase Target)> _resolved =
        new ConcurrentDictionary<MigrationInfo, (AnalyzerOptions?, TargetDatabase)>();

    private readonly ConcurrentDictionary<MigrationInfo, (AnalyzerOptions? Options, DeploymentModel Deployment)> _deployments =
        new ConcurrentDictionary<MigrationInfo, (AnalyzerOptions?, DeploymentModel)>();

    private readonly ConcurrentDictionary<MigrationInfo, bool> _shipsOnSqlite = new ConcurrentDictionary<MigrationInfo, bool>();

    private readonly ConcurrentDictionary<MigrationInfo, string> _folders = new ConcurrentDictionary<MigrationInfo, string>();
    private readonly ConcurrentDictionary<(MigrationFramework Framework, INamedTypeSymbol? Context), string> _historyKeys =
        new ConcurrentDictionary<(MigrationFramework Framework, INamedTypeSymbol? Context), string>();

    // Per compilation, not in the shared cache beside the answer: a pass holds this compilation's migrations, and the
    // shared cache outlives the compilation (SameContentCacheTests checks no compilation is kept).
    private readonly ConcurrentDictionary<string, SharedPass<MigrationInfo>> _majorityPasses = new ConcurrentDictionary<string, SharedPass<MigrationInfo>>(StringComparer.Ordinal);

    /// <summary>
    /// The history-wide answers (majorities, SQLite editions), kept for every compilation of the same source: the IDE
    /// makes a new compilation for each document it analyses, and reading every migration of the history again for
    /// each would cost the whole history per document. They hold no symbol.
    /// </summary>
    private readonly SameContentCache _shared;

    private TargetDatabasePolicy(Compilation compilation)
    {
        _compilation = compilation;
        _catalog = MigrationCatalog.For(compilation);
        _shared = SameContentCache.For(compilation);
    }

    public static TargetDatabasePolicy For(Compilation compilation) => Policies.GetValue(compilation, c => new TargetDatabasePolicy(c));

    /// <summary>The database <paramref name="migration"/> targets. <paramref name="options"/> may be null (a code fix without options): the setting is then not read.</summary>
    public static TargetDatabase Resolve(Compilation compilation, AnalyzerOptions? options, MigrationInfo migration)
        => For(compilation).Resolve(options, migration);

    /// <summary>
    /// For the code fixes, which hold a migration's type: the same decision the rules made from the evidence. They have
    /// no options in Fix All, so both a single fix and Fix All read the evidence without the setting and write the same SQL.
    /// </summary>
    public static TargetDatabase ResolveForType(Compilation compilation, INamedTypeSymbol type)
        => MigrationCatalog.For(compilation).Get(type) is { } migration
            ? Resolve(compilation, null, migration)
            : ResolveForTree(compilation, null, type.Locations.Length > 0 ? type.Locations[0].SourceTree : null);

    /// <summary>
    /// For the code fixes, with the options of the fixed document's project (<c>Project.AnalyzerOptions</c>, which carry
    /// .editorconfig and global config): the decision the rule made, <c>migration_analyzers.target_database</c> included,
    /// so SQL a fix writes follows the setting, not a provider package the project happens to reference.
    /// </summary>
    public static TargetDatabase ResolveForType(Compilation compilation, AnalyzerOptions? options, INamedTypeSymbol type)
        => MigrationCatalog.For(compilation).Get(type) is { } migration
            ? Resolve(compilation, options, migration)
            : ResolveForTree(compilation, options, type.Locations.Length > 0 ? type.Locations[0].SourceTree : null);

    /// <summary>For a file when no migration is at hand: the setting, else the migrations of the same folder, else a single referenced provider.</summary>
    public static TargetDatabase ResolveForTree(Compilation compilation, AnalyzerOptions? options, SyntaxTree? tree)
    {
        if (Configured(options, tree) is { } configured)
        {
            return new TargetDatabase(configured, Version(compilation, options, tree, configured), TargetEvidence.Setting);
        }

        var policy = For(compilation);
        var folder = FolderOf(tree?.FilePath);
        var majority = policy.GroupMajority("tree|" + folder, m => policy.Folder(m) == folder);
        if (majority.Operations != DatabaseProvider.Unknown)
        {
            return new TargetDatabase(majority.Operations, Version(compilation, options, tree, majority.Operations), TargetEvidence.History);
        }

        if (majority.Designer != DatabaseProvider.Unknown)
        {
            return new TargetDatabase(majority.Designer, Version(compilation, options, tree, majority.Designer), TargetEvidence.Designer);
        }

        var referenced = ProviderReferences.SingleReferenced(compilation);
        return new TargetDatabase(referenced, Version(compilation, options, tree, referenced), TargetEvidence.Reference);
    }

    public TargetDatabase Resolve(AnalyzerOptions? options, MigrationInfo migration)
    {
        if (_resolved.TryGetValue(migration, out var known) && ReferenceEquals(known.Options, options))
        {
            return known.Target;
        }

        var target = ReadTarget(options, migration);
        _resolved[migration] = (options, target);
        return target;
    }

    private TargetDatabase ReadTarget(AnalyzerOptions? options, MigrationInfo migration)
    {
        var tree = migration.Location.SourceTree;
        if (Configured(options, tree) is { } configured)
        {
            return new TargetDatabase(configured, Version(_compilation, options, tree, configured), TargetEvidence.Setting);
        }

        var (provider, evidence) = _decisions.TryGetValue(migration, out var decided) ? decided : _decisions.GetOrAdd(migration, Decide(migration));
        return new TargetDatabase(provider, Version(_compilation, options, tree, provider), evidence);
    }

    /// <summary>
    /// The database <paramref name="operation"/> runs on: the migration's target, unless FluentMigrator's
    /// <c>IfDatabase(…)</c> limits it. Null when the operation does not run on the target at all; when the target is
    /// unknown and the condition names one database, that database.
    /// </summary>
    public static TargetDatabase? ForOperation(TargetDatabase target, MigrationOperation operation)
    {
        if (operation.DatabaseConditions.IsEmpty)
        {
            return target;
        }

        if (target.IsKnown)
        {
            foreach (var condition in operation.DatabaseConditions)
            {
                if (ConditionDatabase(condition) == target.Provider)
                {
                    return target;
                }
            }

            return null;
        }

        var named = OneDatabase(operation.DatabaseConditions);
        return named == DatabaseProvider.Unknown ? target : new TargetDatabase(named, target.Version, TargetEvidence.DatabaseCondition);
    }

    /// <summary>FluentMigrator's processor names: <c>Postgres</c>, <c>Postgres15_0</c>, <c>PostgreSQL</c>, <c>SqlServer2016</c>, <c>SQLite</c>, <c>MySql5</c>, <c>MariaDB</c>.</summary>
    public static DatabaseProvider ConditionDatabase(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return lower.StartsWith("postgres", StringComparison.Ordinal) ? DatabaseProvider.PostgreSql
            : lower.StartsWith("sqlserver", StringComparison.Ordinal) ? DatabaseProvider.SqlServer
            : lower.StartsWith("sqlite", StringComparison.Ordinal) ? DatabaseProvider.Sqlite
            : lower.StartsWith("mysql", StringComparison.Ordinal) || lower.StartsWith("mariadb", StringComparison.Ordinal) ? DatabaseProvider.MySql
            : DatabaseProvider.Unknown;
    }

    private (DatabaseProvider Provider, TargetEvidence Evidence) Decide(MigrationInfo migration)
    {
        var own = FindingsOf(migration);
        if (own.Operations != DatabaseProvider.Unknown)
        {
            return (own.Operations, TargetEvidence.Operations);
        }

        var ownFolder = Folder(migration);
        var folder = GroupMajority("folder|" + HistoryKey(migration) + "|" + ownFolder, m => m.SharesHistoryWith(migration) && Folder(m) == ownFolder);
        if (folder.Operations != DatabaseProvider.Unknown)
        {
            return (folder.Operations, TargetEvidence.History);
        }

        var history = GroupMajority("history|" + HistoryKey(migration), m => m.SharesHistoryWith(migration));
        if (history.Operations != DatabaseProvider.Unknown)
        {
            return (history.Operations, TargetEvidence.History);
        }

        if (own.Designer != DatabaseProvider.Unknown)
        {
            return (own.Designer, TargetEvidence.Designer);
        }

        if (history.Designer != DatabaseProvider.Unknown)
        {
            return (history.Designer, TargetEvidence.Designer);
        }

        if (own.Conditions != DatabaseProvider.Unknown)
        {
            return (own.Conditions, TargetEvidence.DatabaseCondition);
        }

        var referenced = ProviderReferences.SingleReferenced(_compilation);
        return (referenced, referenced == DatabaseProvider.Unknown ? TargetEvidence.None : TargetEvidence.Reference);
    }

    /// <summary>
    /// How the application that runs <paramref name="migration"/> is deployed (<see cref="Deployment.Resolve"/>, with
    /// the history's SQLite edition): kept per migration like <see cref="Resolve(AnalyzerOptions?, MigrationInfo)"/>.
    /// </summary>
    public static DeploymentModel DeploymentOf(Compilation compilation, AnalyzerOptions? options, MigrationInfo migration)
    {
        var policy = For(compilation);
        if (policy._deployments.TryGetValue(migration, out var known) && ReferenceEquals(known.Options, options))
        {
            return known.Deployment;
        }

        var deployment = Deployment.Resolve(options, migration.Location.SourceTree, policy.Resolve(options, migration), HistoryShipsOnSqlite(compilation, migration));
        policy._deployments[migration] = (options, deployment);
        return deployment;
    }

    /// <summary>
    /// Some migration of the history limits operations to SQLite (FluentMigrator <c>IfDatabase("sqlite")</c>): the product
    /// ships an embedded SQLite edition, whatever server database it also supports, so it is deployed as a single instance.
    /// </summary>
    public static bool HistoryShipsOnSqlite(Compilation compilation, MigrationInfo migration)
    {
        var policy = For(compilation);
        return policy._shipsOnSqlite.TryGetValue(migration, out var known) ? known : policy.ShipsOnSqlite(migration);
    }

    // Apart from the check above: the closure it needs was allocated on entry, for every rule and migration that asked.
    private bool ShipsOnSqlite(MigrationInfo migration)
        => _shipsOnSqlite.GetOrAdd(
            migration,
            _shared.GetOrAdd(
                "target-database|ships-on-sqlite|" + HistoryKey(migration),
                () => new StrongBox<bool>(AnyInHistoryRunsOnSqlite(migration))).Value);

    private bool AnyInHistoryRunsOnSqlite(MigrationInfo migration)
    {
        // Only FluentMigrator limits operations to a database; an EF Core history is answered without reading a body.
        if (migration.Framework != MigrationFramework.FluentMigrator)
        {
            return false;
        }

        foreach (var other in _catalog.All)
        {
            if (!other.SharesHistoryWith(migration))
            {
                continue;
            }

            foreach (var operation in other.Up.Operations)
            {
                foreach (var condition in operation.DatabaseConditions)
                {
                    if (ConditionDatabase(condition) == DatabaseProvider.Sqlite)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private Findings FindingsOf(MigrationInfo migration)
        => _findings.GetOrAdd(migration, m => new Lazy<Findings>(() => Read(m), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private Majority GroupMajority(string key, Func<MigrationInfo, bool> member)
    {
        var majorityKey = "target-database|majority|" + key;
        if (_shared.TryGet<Majority>(majorityKey, out var known))
        {
            return known;
        }

        // The threads that ask first read the members' Up and Down between them; then one counts the votes.
        _majorityPasses.GetOrAdd(majorityKey, _ => new SharedPass<MigrationInfo>(_catalog.All)).Run(migration =>
        {
            if (member(migration))
            {
                FindingsOf(migration);
            }
        });

        return _shared.GetOrAdd(majorityKey, () => MajorityOf(member));
    }

    /// <summary>
    /// The database more than half of the decided members show, by their operations and by their Designers. The
    /// Designers are read only when asked, which is only when the operations do not decide.
    /// </summary>
    private Majority MajorityOf(Func<MigrationInfo, bool> member)
    {
        var operations = new Dictionary<DatabaseProvider, int>();
        var designers = new List<MethodDeclarationSyntax?>();

        // From the newest back, as the votes do not depend on the order: the schema timeline walks the history from the
        // oldest, and walking in step with it on the other thread made this one wait on each body while that one read it.
        var all = _catalog.All;
        for (var i = all.Length - 1; i >= 0; i--)
        {
            var migration = all[i];
            if (member(migration))
            {
                Count(operations, FindingsOf(migration).Operations);
                designers.Add(migration.TargetModelDeclaration);
            }
        }

        // Only the Designers' syntax is kept for later, no MigrationInfo: the answer outlives this compilation.
        return new Majority(Winner(operations), () =>
        {
            var votes = new Dictionary<DatabaseProvider, int>();
            foreach (var designer in designers)
            {
                Count(votes, DesignerEvidence(designer));
            }

            return Winner(votes);
        });
    }

    private static void Count(Dictionary<DatabaseProvider, int> votes, DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.Unknown)
        {
            votes.TryGetValue(provider, out var count);
            votes[provider] = count + 1;
        }
    }

    private static DatabaseProvider Winner(Dictionary<DatabaseProvider, int> votes)
    {
        var total = 0;
        foreach (var count in votes.Values)
        {
            total += count;
        }

        foreach (var pair in votes)
        {
            if (pair.Value * 2 > total)
            {
                return pair.Key;
            }
        }

        return DatabaseProvider.Unknown;
    }

    private static Findings Read(MigrationInfo migration)
    {
        // IfDatabase evidence only when every operation is limited to the same database: a single IfDatabase("SqlServer")
        // block beside unconditioned operations says the project supports SQL Server too, not that it targets it.
        var conditions = new List<string>();
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.DatabaseConditions.IsEmpty)
            {
                conditions.Clear();
                break;
            }

            conditions.AddRange(operation.DatabaseConditions);
        }

        return new Findings(
            EvidenceReader.FromOperations(migration).Decide(),
            () => DesignerEvidence(migration),
            conditions.Count == 0 ? DatabaseProvider.Unknown : OneDatabase(conditions));
    }

    /// <summary>The one database every name stands for; Unknown when they name several (or one FluentMigrator does not map).</summary>
    private static DatabaseProvider OneDatabase(IEnumerable<string> names)
    {
        var found = DatabaseProvider.Unknown;
        foreach (var name in names)
        {
            var database = ConditionDatabase(name);
            if (database == DatabaseProvider.Unknown || (found != DatabaseProvider.Unknown && found != database))
            {
                return DatabaseProvider.Unknown;
            }

            found = database;
        }

        return found;
    }

    private static DatabaseProvider? Configured(AnalyzerOptions? options, SyntaxTree? tree)
    {
        if (options is null)
        {
            return null;
        }

        var reader = new SettingReader(options, tree);
        var configured = TargetDatabase.ParseProvider(reader.GetString(SettingKeys.TargetDatabase));
        if (configured == DatabaseProvider.Unknown && DatabaseVersion.Parse(reader.GetString(SettingKeys.DatabaseVersion)) is { } stated)
        {
            // "database_version = postgresql 15" names the database as well as its version.
            configured = stated.Provider;
        }

        return configured == DatabaseProvider.Unknown ? null : configured;
    }

    /// <summary>
    /// The server version of <paramref name="provider"/>: <c>database_version</c> when it names that database, else the
    /// older <c>target_database_version</c> (a bare number for whichever database is the target), else the version the
    /// provider configuration in code states. Null: rules assume a current version.
    /// </summary>
    private static Version? Version(Compilation compilation, AnalyzerOptions? options, SyntaxTree? tree, DatabaseProvider provider)
    {
        if (options is not null)
        {
            var reader = new SettingReader(options, tree);
            if (DatabaseVersion.Parse(reader.GetString(SettingKeys.DatabaseVersion)) is { } stated)
            {
                // A version of another database says nothing about this one.
                return stated.Provider == provider ? stated.Version : null;
            }

            if (TargetDatabase.ParseVersion(reader.GetString(SettingKeys.TargetDatabaseVersion)) is { } alias)
            {
                return alias;
            }
        }

        return provider == DatabaseProvider.Unknown ? null : DatabaseVersionInCode.For(compilation, provider);
    }

    /// <summary>Once per migration: a group's majority asks it of every migration of the compilation.</summary>
    private string Folder(MigrationInfo migration)
        => _folders.GetOrAdd(migration, static m => FolderOf(m.Location.SourceTree?.FilePath));

    /// <summary>The folder part of a path; by hand, since Path.GetDirectoryName throws on some characters under .NET Framework hosts.</summary>
    private static string FolderOf(string? path)
    {
        if (path is null)
        {
            return string.Empty;
        }

        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? string.Empty : path.Substring(0, slash);
    }

    /// <summary>Made once per history, not once for each of its migrations that asks: a context's display name is costly to format.</summary>
    private string HistoryKey(MigrationInfo migration)
        => _historyKeys.GetOrAdd(
            (migration.Framework, migration.DbContext),
            static key => key.Framework + "|" + (key.Context?.ToDisplayString() ?? string.Empty));

    /// <summary>
    /// A Designer's evidence, read from its syntax alone and kept with the syntax: an edit elsewhere makes a new
    /// compilation but keeps this file's tree, so the Designer is not read again (the value holds no symbol, so no compilation).
    /// </summary>
    private static DatabaseProvider DesignerEvidence(MigrationInfo migration) => DesignerEvidence(migration.TargetModelDeclaration);

    private static DatabaseProvider DesignerEvidence(MethodDeclarationSyntax? declaration)
        => declaration is null
            ? DatabaseProvider.Unknown
            : DesignerEvidenceCache.GetValue(declaration, d => new StrongBox<DatabaseProvider>(EvidenceReader.FromTargetModel(d).Decide())).Value;

    private static readonly ConditionalWeakTable<SyntaxNode, StrongBox<DatabaseProvider>> DesignerEvidenceCache = new ConditionalWeakTable<SyntaxNode, StrongBox<DatabaseProvider>>();

    /// <summary>What one migration shows by itself; its Designer is read only when asked.</summary>
    private sealed class Findings
    {
        private readonly Lazy<DatabaseProvider> _designer;

        public Findings(DatabaseProvider operations, Func<DatabaseProvider> designer, DatabaseProvider conditions)
        {
            Operations = operations;
            _designer = new Lazy<DatabaseProvider>(designer, LazyThreadSafetyMode.ExecutionAndPublication);
            Conditions = conditions;
        }

        public DatabaseProvider Operations { get; }

        public DatabaseProvider Designer => _designer.Value;

        public DatabaseProvider Conditions { get; }
    }

    private sealed class Majority
    {
        private readonly Lazy<DatabaseProvider> _designer;

        public Majority(DatabaseProvider operations, Func<DatabaseProvider> designer)
        {
            Operations = operations;
            _designer = new Lazy<DatabaseProvider>(designer, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public DatabaseProvider Operations { get; }

        public DatabaseProvider Designer => _designer.Value;
    }
}
