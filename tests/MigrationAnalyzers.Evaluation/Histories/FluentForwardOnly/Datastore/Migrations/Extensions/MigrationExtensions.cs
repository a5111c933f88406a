using System.Collections.Generic;
using System.Data;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Create.Table;

namespace Podhoard.Core.Datastore.Migrations.Extensions
{
    public static class MigrationExtensions
    {
        /// <summary>Every table of a model starts with an integer identity key named Id.</summary>
        public static ICreateTableColumnOptionOrWithColumnSyntax TableForModel(this ICreateExpressionRoot expressionRoot, string name)
        {
            return expressionRoot.Table(name).WithColumn("Id").AsInt32().PrimaryKey().Identity();
        }

        public static void AddParameter(this IDbCommand command, object? value)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value ?? System.DBNull.Value;
            command.Parameters.Add(parameter);
        }

        public static IEnumerable<(int Id, string? Value)> ReadIdAndText(this IDbConnection connection, IDbTransaction transaction, string sql)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<(int, string?)>();
            while (reader.Read())
            {
                rows.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }

            return rows;
        }
    }
}
