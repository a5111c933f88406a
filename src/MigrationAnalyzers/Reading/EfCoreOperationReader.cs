using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// Reads EF Core <c>MigrationBuilder</c> calls from the statements of Up or Down: from syntax where the syntax settles the
/// call (<see cref="SyntaxCallReader"/>), so the body is not bound, else through the semantic model; both through the
/// same code that builds the operation.
/// </summary>
internal sealed class EfCoreOperationReader
{
    internal static readonly Dictionary<string, MigrationOperationKind> Kinds = new Dictionary<string, MigrationOperationKind>(StringComparer.Ordinal)
    {
        ["CreateTable"] = MigrationOperationKind.CreateTable,
        ["DropTable"] = MigrationOperationKind.DropTable,
        ["RenameTable"] = MigrationOperationKind.RenameTable,
        ["AlterTable"] = MigrationOperationKind.AlterTable,
        ["AddColumn"] = MigrationOperationKind.AddColumn,
        ["DropColumn"] = MigrationOperationKind.DropColumn,
        ["RenameColumn"] = MigrationOperationKind.RenameColumn,
        ["AlterColumn"] = MigrationOperationKind.AlterColumn,
        ["CreateIndex"] = MigrationOperationKind.CreateIndex,
        ["DropIndex"] = MigrationOperationKind.DropIndex,
        ["RenameIndex"] = MigrationOperationKind.RenameIndex,
        ["AddPrimaryKey"] = MigrationOperationKind.AddPrimaryKey,
        ["DropPrimaryKey"] = MigrationOperationKind.DropPrimaryKey,
        ["AddForeignKey"] = MigrationOperationKind.AddForeignKey,
        ["DropForeignKey"] = MigrationOperationKind.DropForeignKey,
        ["AddUniqueConstraint"] = MigrationOperationKind.AddUniqueConstraint,
        ["DropUniqueConstraint"] = MigrationOperationKind.DropUniqueConstraint,
        ["AddCheckConstraint"] = MigrationOperationKind.AddCheckConstraint,
        ["DropCheckConstraint"] = MigrationOperationKind.DropCheckConstraint,
        ["EnsureSchema"] = MigrationOperationKind.EnsureSchema,
        ["DropSchema"] = MigrationOperationKind.DropSchema,
        ["CreateSequence"] = MigrationOperationKind.CreateSequence,
        ["DropSequence"] = MigrationOperationKind.DropSequence,
        ["AlterSequence"] = MigrationOperationKind.AlterSequence,
        ["RenameSequence"] = MigrationOperationKind.RenameSequence,
        ["RestartSequence"] = MigrationOperationKind.RestartSequence,
        ["AlterDatabase"] = MigrationOperationKind.AlterDatabase,
        ["InsertData"] = MigrationOperationKind.InsertData,
        ["UpdateData"] = MigrationOperationKind.UpdateData,
        ["DeleteData"] = MigrationOperationKind.DeleteData,
        ["Sql"] = MigrationOperationKind.Sql,
    };

    private readonly SemanticCallReader _semantic;
    private readonly SyntaxCallReader? _syntax;

    /// <param name="syntaxArguments">
    /// Given, statements are read from syntax first (<see cref="SyntaxCallReader"/>), and through the semantic model only
    /// when the syntax leaves any doubt; null reads every statement through the semantic model.
    /// </param>
    public EfCoreOperationReader(SemanticModel model, MigrationSymbols symbols, IParameterSymbol? builderParameter, SyntaxArguments? syntaxArguments, CancellationToken cancellationToken)
    {
        _semantic = new SemanticCallReader(model, symbols, builderParameter, cancellationToken);
        _syntax = syntaxArguments is null ? null : SyntaxCallReader.For(syntaxArguments, symbols, builderParameter);
    }

    /// <summary>Reads one statement's expression; null when it is not a call on the migration builder.</summary>
    public MigrationOperation? Read(ExpressionSyntax statementExpression, StatementSyntax? statement)
    {
        return ReadSyntaxOnly(statementExpression, statement) ?? ReadChain(_semantic, statementExpression, statement);
    }

    /// <summary>The operation as the syntax alone gives it; null when it cannot (the semantic model then reads it).</summary>
    internal MigrationOperation? ReadSyntaxOnly(ExpressionSyntax statementExpression, StatementSyntax? statement)
    {
        if (_syntax is null)
        {
            return null;
        }

        _syntax.Failed = false;
        var operation = ReadChain(_syntax, statementExpression, statement);
        return _syntax.Failed ? null : operation;
    }

    /// <summary>The operation as the semantic model gives it.</summary>
    internal MigrationOperation? ReadSemanticOnly(ExpressionSyntax statementExpression, StatementSyntax? statement)
        => ReadChain(_semantic, statementExpression, statement);

    private static MigrationOperation? ReadChain(EfCallReader reader, ExpressionSyntax statementExpression, StatementSyntax? statement)
    {
        var annotations = new OperationArguments.Builder(0);
        var expression = statementExpression;
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } invocation)
        {
            var name = memberAccess.Name.Identifier.ValueText;
            if (reader.IsBuilder(memberAccess.Expression))
            {
                return reader.Accepts(name) ? CreateOperation(reader, name, invocation, statementExpression, statement, annotations.ToArguments()) : null;
            }

            if (name is "Annotation" or "OldAnnotation")
            {
                if (name == "Annotation" && invocation.ArgumentList.Arguments.Count == 2)
                {
                    var key = reader.Constant(invocation.ArgumentList.Arguments[0].Expression);
                    if (key.HasValue && key.Value is string keyText && !annotations.ContainsKey(keyText))
                    {
                        annotations.TryAdd(keyText, reader.Read(keyText, invocation.ArgumentList.Arguments[1].Expression));
                    }
                }

                expression = memberAccess.Expression;
                continue;
            }

            return null;
        }

        return null;
    }

    private static MigrationOperation CreateOperation(
        EfCallReader reader,
        string methodName,
        InvocationExpressionSyntax invocation,
        ExpressionSyntax statementExpression,
        StatementSyntax? statement,
        OperationArguments annotations)
    {
        var method = reader.ResolveMethod(invocation, EfCallSite.Builder, receiver: null);

        // Extension methods on MigrationBuilder are the user's own helpers: what they do is unknown.
        var kind = method is { IsExtensionMethod: true } || !Kinds.TryGetValue(methodName, out var known) ? MigrationOperationKind.Unknown : known;
        var operation = new MigrationOperation(kind, MigrationFramework.EntityFrameworkCore, statementExpression, statement, methodName, method)
        {
            Annotations = annotations,
        };

        var arguments = reader.Arguments(invocation, method);
        operation.Arguments = arguments;
        operation.Schema = String(arguments, "schema");
        switch (kind)
        {
            case MigrationOperationKind.CreateTable:
            case MigrationOperationKind.DropTable:
            case MigrationOperationKind.AlterTable:
            case MigrationOperationKind.RenameTable:
                operation.Table = String(arguments, "name");
                operation.NewName = String(arguments, "newName");
                operation.NewSchema = String(arguments, "newSchema");
                break;
            case MigrationOperationKind.EnsureSchema:
            case MigrationOperationKind.DropSchema:
                operation.Name = String(arguments, "name");
                break;
            case MigrationOperationKind.InsertData:
            case MigrationOperationKind.UpdateData:
            case MigrationOperationKind.DeleteData:
                operation.Table = String(arguments, "table");
                // The columns the rows write (not the key columns), where they are literals.
                operation.Columns = kind == MigrationOperationKind.DeleteData
                    ? ImmutableArray<string>.Empty
                    : reader.StringList(Get(arguments, "columns") ?? Get(arguments, "column"));
                break;
            case MigrationOperationKind.Sql:
                operation.SqlText = String(arguments, "sql");
                operation.SqlTemplate = Get(arguments, "sql") is { } sql ? reader.SqlTemplate(sql) : null;
                operation.SuppressesTransaction = arguments.TryGetValue("suppressTransaction", out var suppress) && suppress.BoolValue == true;
                break;
            default:
                operation.Name = String(arguments, "name");
                operation.Table = String(arguments, "table");
                operation.NewName = String(arguments, "newName");
                operation.NewSchema = String(arguments, "newSchema");
                operation.PrincipalTable = String(arguments, "principalTable");
                var columns = reader.StringList(Get(arguments, "columns") ?? Get(arguments, "column"));
                operation.Columns = columns;
                break;
        }

        if (kind is MigrationOperationKind.AddColumn or MigrationOperationKind.AlterColumn)
        {
            operation.ColumnDefinitions = ImmutableArray.Create(new ColumnDefinition(
                operation.Name,
                invocation,
                GenericArgument(invocation),
                method is { IsGenericMethod: true, TypeArguments.Length: 1 } ? method.TypeArguments[0] : null,
                fluentType: null,
                arguments,
                ImmutableArray<FluentCall>.Empty));
        }
        else if (kind == MigrationOperationKind.CreateTable)
        {
            ReadCreateTable(reader, operation, arguments);
        }

        return operation;
    }

    private static void ReadCreateTable(EfCallReader reader, MigrationOperation operation, OperationArguments arguments)
    {
        // Property name in the anonymous type -> column name: constraint lambdas (x => x.BlogId) use the former.
        var columnNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = ImmutableArray.CreateBuilder<ColumnDefinition>();
        var columnsArgument = Get(arguments, "columns");
        if (LambdaBody(columnsArgument) is AnonymousObjectCreationExpressionSyntax anonymous)
        {
            foreach (var member in anonymous.Initializers)
            {
                var columnCall = PeelAnnotations(member.Expression);
                if (columnCall is null)
                {
                    continue;
                }

                var method = reader.ResolveMethod(columnCall, EfCallSite.Column, LambdaParameter(columnsArgument));
                var columnArguments = reader.Arguments(columnCall, method);
                var propertyName = member.NameEquals?.Name.Identifier.ValueText;
                var columnName = String(columnArguments, "name") ?? propertyName;
                if (propertyName is not null && columnName is not null)
                {
                    columnNames[propertyName] = columnName;
                }

                columns.Add(new ColumnDefinition(
                    columnName,
                    member.Expression,
                    GenericArgument(columnCall),
                    method is { IsGenericMethod: true, TypeArguments.Length: 1 } ? method.TypeArguments[0] : null,
                    fluentType: null,
                    columnArguments,
                    ImmutableArray<FluentCall>.Empty));
            }
        }

        operation.ColumnDefinitions = columns.ToImmutable();

        var constraints = ImmutableArray.CreateBuilder<MigrationOperation>();
        var constraintsArgument = Get(arguments, "constraints");
        var constraintsBody = LambdaBody(constraintsArgument);
        // Expressions of the lambda as written: a block's statements, or the expression body itself
        // (never a synthesized statement around it: the semantic model only knows nodes of the real tree).
        var expressions = new List<ExpressionSyntax>();
        switch (constraintsBody)
        {
            case BlockSyntax block:
                foreach (var statement in block.Statements)
                {
                    if (statement is ExpressionStatementSyntax expressionStatement)
                    {
                        expressions.Add(expressionStatement.Expression);
                    }
                }

                break;
            case ExpressionSyntax body:
                expressions.Add(body);
                break;
        }

        foreach (var expression in expressions)
        {
            var call = PeelAnnotations(expression);
            if (call?.Expression is not MemberAccessExpressionSyntax memberAccess)
            {
                continue;
            }

            var kind = memberAccess.Name.Identifier.ValueText switch
            {
                "PrimaryKey" => MigrationOperationKind.AddPrimaryKey,
                "ForeignKey" => MigrationOperationKind.AddForeignKey,
                "UniqueConstraint" => MigrationOperationKind.AddUniqueConstraint,
                "CheckConstraint" => MigrationOperationKind.AddCheckConstraint,
                _ => MigrationOperationKind.Unknown,
            };

            var method = reader.ResolveMethod(call, EfCallSite.Constraint, LambdaParameter(constraintsArgument));
            var constraintArguments = reader.Arguments(call, method);
            var constraint = new MigrationOperation(kind, MigrationFramework.EntityFrameworkCore, call, statement: null, memberAccess.Name.Identifier.ValueText, method)
            {
                Arguments = constraintArguments,
                Name = String(constraintArguments, "name"),
                Table = operation.Table,
                Schema = operation.Schema,
                PrincipalTable = String(constraintArguments, "principalTable"),
                Columns = ColumnsOfSelector(Get(constraintArguments, "columns") ?? Get(constraintArguments, "column"), columnNames),
            };
            constraints.Add(constraint);
        }

        operation.Constraints = constraints.ToImmutable();
    }

    /// <summary><c>x => x.Id</c> or <c>x => new { x.A, x.B }</c>, mapped to column names.</summary>
    private static ImmutableArray<string> ColumnsOfSelector(OperationArgument? selector, Dictionary<string, string> columnNames)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        switch (LambdaBody(selector))
        {
            case MemberAccessExpressionSyntax single:
                Add(single.Name.Identifier.ValueText);
                break;
            case AnonymousObjectCreationExpressionSyntax many:
                foreach (var member in many.Initializers)
                {
                    if (member.Expression is MemberAccessExpressionSyntax access)
                    {
                        Add(access.Name.Identifier.ValueText);
                    }
                }

                break;
        }

        return builder.ToImmutable();

        void Add(string property) => builder.Add(columnNames.TryGetValue(property, out var column) ? column : property);
    }

    private static CSharpSyntaxNode? LambdaBody(OperationArgument? argument)
        => argument?.Syntax is LambdaExpressionSyntax lambda ? lambda.Body : null;

    /// <summary>The name of a lambda's one parameter (<c>table</c> in <c>table =&gt; …</c>).</summary>
    private static string? LambdaParameter(OperationArgument? argument) => argument?.Syntax switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } lambda => lambda.ParameterList.Parameters[0].Identifier.ValueText,
        _ => null,
    };

    /// <summary>Strips <c>.Annotation(…)</c> calls chained on a column or constraint definition.</summary>
    private static InvocationExpressionSyntax? PeelAnnotations(ExpressionSyntax expression)
    {
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } invocation)
        {
            if (memberAccess.Name.Identifier.ValueText is "Annotation" or "OldAnnotation")
            {
                expression = memberAccess.Expression;
                continue;
            }

            return invocation;
        }

        return null;
    }

    private static TypeSyntax? GenericArgument(InvocationExpressionSyntax invocation)
        => invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } && generic.TypeArgumentList.Arguments.Count == 1
            ? generic.TypeArgumentList.Arguments[0]
            : null;

    private static OperationArgument? Get(OperationArguments arguments, string name)
        => arguments.TryGetValue(name, out var argument) ? argument : null;

    private static string? String(OperationArguments arguments, string name)
        => Get(arguments, name)?.StringValue;
}
