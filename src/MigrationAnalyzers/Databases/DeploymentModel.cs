using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Settings;

namespace MigrationAnalyzers.Databases;

/// <summary>How the application is deployed against the database its migrations change.</summary>
public enum DeploymentModel
{
    /// <summary>Old and new versions of the application run against the same schema during a deployment, and other writers work while it migrates.</summary>
    Rolling,

    /// <summary>One process owns the database and migrates it at start-up (an embedded SQLite app): nothing else reads or writes meanwhile.</summary>
    SingleInstance,
}

/// <summary>
/// <c>migration_analyzers.deployment</c> (<c>rolling</c> or <c>single_instance</c>); by default <c>single_instance</c>
/// on SQLite (the app and its schema upgrade together) and for a history that also ships an embedded SQLite edition
/// (operations limited to SQLite with <c>IfDatabase</c>), and <c>rolling</c> everywhere else, an unknown database included.
/// Rules whose risk exists only while two application versions share a schema, or only under concurrent writers,
/// stay silent under <c>single_instance</c>.
/// </summary>
public static class Deployment
{
    /// <summary>The values <c>migration_analyzers.deployment</c> accepts.</summary>
    public static readonly string[] SettingValues = { "rolling", "single_instance" };

    public static DeploymentModel Resolve(AnalyzerOptions? options, SyntaxTree? tree, TargetDatabase target, bool shipsOnSqlite = false)
    {
        if (options is not null)
        {
            switch (new SettingReader(options, tree).GetString(SettingKeys.Deployment)?.ToLowerInvariant())
            {
                case "rolling":
                    return DeploymentModel.Rolling;
                case "single_instance":
                    return DeploymentModel.SingleInstance;
            }
        }

        return target.Behaviour.IsEmbedded || shipsOnSqlite ? DeploymentModel.SingleInstance : DeploymentModel.Rolling;
    }
}
