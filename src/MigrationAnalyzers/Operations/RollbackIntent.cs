using System;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Operations;

/// <summary>
/// What a migration says about its own rollback without saying it in words the framework knows: a Down that throws
/// on purpose (the EF Core and plain-Migration spelling of FluentMigrator's ForwardOnlyMigration), and an Up that only
/// changes rows, whose empty Down is the usual shape of a data migration rather than a forgotten inverse.
/// </summary>
public static class RollbackIntent
{
    /// <summary>
    /// Down throws to say the migration is forward-only: <c>throw new NotSupportedException()</c>, or any exception
    /// given a message (<c>throw new InvalidOperationException("This migration cannot be undone")</c>). A bare
    /// <c>throw new NotImplementedException()</c> is the IDE's stub, not a decision, and does not count.
    /// </summary>
    public static bool DeclaresForwardOnly(MigrationBody down)
    {
        if (!down.Throws || !down.Operations.IsEmpty || !down.UnrecognizedStatements.IsEmpty || down.Declaration is not { } declaration)
        {
            return false;
        }

        if (declaration.ExpressionBody?.Expression is ThrowExpressionSyntax arrow)
        {
            return IsDeliberate(arrow.Expression);
        }

        foreach (var statement in declaration.Body?.Statements ?? default)
        {
            if (statement is ThrowStatementSyntax { Expression: { } thrown })
            {
                return IsDeliberate(thrown);
            }
        }

        return false;
    }

    /// <summary>
    /// Up only changes rows: EF Core <c>InsertData</c>/<c>UpdateData</c>/<c>DeleteData</c>, FluentMigrator
    /// <c>Insert.IntoTable</c>/<c>Update.Table</c>/<c>Delete.FromTable</c>, raw SQL without DDL (UPDATE, INSERT,
    /// PRAGMA …), or a script the analyzers cannot read (an embedded <c>.sql</c> resource). Anything that may change the
    /// schema (a schema operation, SQL with CREATE/ALTER/DROP, a helper of unknown effect) makes it false.
    /// </summary>
    public static bool OnlyChangesData(MigrationBody up)
    {
        if (!up.HasContent)
        {
            return false;
        }

        foreach (var operation in up.Operations)
        {
            if (!ChangesOnlyData(operation))
            {
                return false;
            }
        }

        foreach (var statement in up.UnrecognizedStatements)
        {
            // var sql = ReadScript("Seed.sql"); declares what a data operation then runs.
            if (statement is LocalDeclarationStatementSyntax)
            {
                continue;
            }

            if (!LoadsSqlScript(statement.ToString()))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ChangesOnlyData(MigrationOperation operation)
    {
        switch (operation.Kind)
        {
            case MigrationOperationKind.InsertData:
            case MigrationOperationKind.UpdateData:
            case MigrationOperationKind.DeleteData:
            case MigrationOperationKind.OpaqueScript:
                return true;
            case MigrationOperationKind.Sql:
                // The text, or what is known of it when part comes from a variable or a resource.
                var text = operation.SqlText ?? operation.SqlTemplate;
                return text is null || (SqlClassifier.Classify(text) & SqlStatementKinds.Schema) == 0;
            case MigrationOperationKind.Unknown:
                return LoadsSqlScript(operation.Syntax.ToString());
            default:
                return false;
        }
    }

    /// <summary>A helper that runs an embedded or file SQL script: <c>migrationBuilder.RunScript("Scripts.Seed.sql")</c>.</summary>
    private static bool LoadsSqlScript(string code)
        => code.IndexOf(".sql\"", StringComparison.OrdinalIgnoreCase) >= 0
           || code.IndexOf("GetManifestResourceStream", StringComparison.Ordinal) >= 0;

    private static bool IsDeliberate(ExpressionSyntax thrown)
    {
        var (typeName, arguments) = thrown switch
        {
            ObjectCreationExpressionSyntax created => (Name(created.Type), created.ArgumentList?.Arguments.Count ?? 0),
            ImplicitObjectCreationExpressionSyntax created => (null, created.ArgumentList.Arguments.Count),

            // throw Irreversible(): a factory the project wrote for this very purpose.
            InvocationExpressionSyntax => (null, 1),
            _ => (null, 0),
        };

        return typeName == "NotSupportedException" || arguments > 0;
    }

    private static string? Name(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
