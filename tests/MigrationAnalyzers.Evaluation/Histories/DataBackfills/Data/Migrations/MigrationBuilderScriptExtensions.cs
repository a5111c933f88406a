using System;
using System.IO;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Ledgerly.Data.Migrations
{
    /// <summary>
    /// Runs a SQL script embedded in this assembly (Migrations/Scripts/*.sql, EmbeddedResource). Long views and data fixes
    /// are easier to review as .sql files than as C# strings.
    /// </summary>
    public static class MigrationBuilderScriptExtensions
    {
        public static OperationBuilder<SqlOperation> SqlResource(this MigrationBuilder migrationBuilder, string fileName, bool suppressTransaction = false)
        {
            var assembly = typeof(MigrationBuilderScriptExtensions).Assembly;
            var resourceName = $"{typeof(MigrationBuilderScriptExtensions).Namespace}.Scripts.{fileName}";
            using var stream = assembly.GetManifestResourceStream(resourceName)
                ?? throw new InvalidOperationException($"Embedded SQL script '{resourceName}' was not found.");
            using var reader = new StreamReader(stream);
            return migrationBuilder.Sql(reader.ReadToEnd(), suppressTransaction);
        }
    }
}
