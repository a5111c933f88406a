using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// Reads FluentMigrator expression chains (<c>Create.Table("Users").WithColumn("Id").AsInt32()…</c>) from Up or Down.
/// One statement can hold several operations (<c>Alter.Table("x").AddColumn("a")….AddColumn("b")…</c>).
/// Arguments and the chain's root are read from syntax where that gives what binding would (literals, constants of the
/// type, expressions that are never constant, the inherited <c>Create</c>), so a migration whose chains hold nothing else
/// is read without binding its body; anything else goes through the semantic model.
/// </summary>
internal sealed class FluentMigratorOperationReader
{
    private static readonly HashSet<string> Roots = new HashSet<string>(StringComparer.Ordinal)
    {
        "Create", "Delete", "Alter", "Rename", "Insert", "Update", "Execute",
    };

    private readonly SemanticModel _model;
    private readonly SyntaxArguments? _syntax;
    private readonly CancellationToken _cancellationToken;

    public FluentMigratorOperationReader(SemanticModel model, SyntaxArguments? syntax, CancellationToken cancellationToken)
    {
        _model = model;
        _syntax = syntax;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The operations of one statement; empty when it is not a FluentMigrator expression chain.</summary>
    public ImmutableArray<MigrationOperation> Read(ExpressionSyntax expression, StatementSyntax? statement)
    {
        var calls = Flatten(expression);
        if (calls.Count == 0)
        {
            return ImmutableArray<MigrationOperation>.Empty;
        }

        // IfDatabase("SqlServer", …).Create… : remember the condition and read the rest of the chain.
        var databases = ImmutableArray<string>.Empty;
        var start = 0;
        if (calls[0].Name == "IfDatabase")
        {
            var names = ImmutableArray.CreateBuilder<string>();
            foreach (var argument in calls[0].Arguments)
            {
                if (argument.StringValue is { } database)
                {
                    names.Add(database);
                }
            }

            databases = names.ToImmutable();
            start = 1;
        }

        if (calls.Count < start + 2 || !Roots.Contains(calls[start].Name) || !IsFluentMigratorRoot(calls[start].Syntax))
        {
            return ImmutableArray<MigrationOperation>.Empty;
        }

        var root = calls[start].Name;
        var verb = calls[start + 1];
        var chain = calls.GetRange(start, calls.Count - start).ToImmutableArray();
        var rest = calls.GetRange(start + 2, calls.Count - start - 2);
        var operations = ImmutableArray.CreateBuilder<MigrationOperation>();

        MigrationOperation New(MigrationOperationKind kind)
        {
            var operation = new MigrationOperation(kind, MigrationFramework.FluentMigrator, expression, statement, root + "." + verb.Name, method: null)
            {
                FluentCalls = chain,
                DatabaseConditions = databases,
                Schema = FirstString(rest, "InSchema"),
            };
            operations.Add(operation);
            return operation;
        }

        switch (root + "." + verb.Name)
        {
            case "Create.Table":
            {
                var operation = New(MigrationOperationKind.CreateTable);
                operation.Table = verb.FirstString;
                operation.ColumnDefinitions = Columns(rest, "WithColumn");
                break;
            }

            case "Create.Column":
            {
                var operation = New(MigrationOperationKind.AddColumn);
                operation.Table = FirstString(rest, "OnTable");
                operation.Name = verb.FirstString;
                operation.ColumnDefinitions = ImmutableArray.Create(Column(verb.FirstString, verb.Syntax, rest));
                break;
            }

            case "Create.Index":
            {
                var operation = New(MigrationOperationKind.CreateIndex);
                operation.Name = verb.FirstString;
                operation.Table = FirstString(rest, "OnTable");
                operation.Columns = AllStrings(rest, "OnColumn", "OnColumns");
                break;
            }

            case "Create.ForeignKey":
            {
                var operation = New(MigrationOperationKind.AddForeignKey);
                operation.Name = verb.FirstString;
                operation.Table = FirstString(rest, "FromTable");

                // ToTable(…).InSchema(…) is the principal's schema; the key's own is the one right after FromTable.
                var fromTable = rest.FindIndex(call => call.Name == "FromTable");
                operation.Schema = fromTable >= 0 && fromTable + 1 < rest.Count && rest[fromTable + 1].Name == "InSchema" ? rest[fromTable + 1].FirstString : null;
                operation.PrincipalTable = FirstString(rest, "ToTable");
                operation.Columns = AllStrings(rest, "ForeignColumn", "ForeignColumns");
                break;
            }

            case "Create.PrimaryKey":
            case "Create.UniqueConstraint":
            {
                var operation = New(verb.Name == "PrimaryKey" ? MigrationOperationKind.AddPrimaryKey : MigrationOperationKind.AddUniqueConstraint);
                operation.Name = verb.FirstString;
                operation.Table = FirstString(rest, "OnTable");
                operation.Columns = AllStrings(rest, "Column", "Columns");
                break;
            }

            case "Create.Schema":
                New(MigrationOperationKind.EnsureSchema).Name = verb.FirstString;
                break;
            case "Create.Sequence":
                New(MigrationOperationKind.CreateSequence).Name = verb.FirstString;
                break;
            case "Delete.Table":
                New(MigrationOperationKind.DropTable).Table = verb.FirstString;
                break;
            case "Delete.Column":
            {
                // Delete.Column("a").Column("b").FromTable("t"): one drop per column.
                var table = FirstString(rest, "FromTable");
                var names = new List<string?> { verb.FirstString };
                foreach (var call in rest)
                {
                    if (call.Name == "Column")
                    {
                        names.Add(call.FirstString);
                    }
                }

                foreach (var name in names)
                {
                    var operation = New(MigrationOperationKind.DropColumn);
                    operation.Table = table;
                    operation.Name = name;
                }

                break;
            }

            case "Delete.Index":
            {
                var operation = New(MigrationOperationKind.DropIndex);
                operation.Name = verb.FirstString;
                operation.Table = FirstString(rest, "OnTable");
                operation.Columns = AllStrings(rest, "OnColumn", "OnColumns");
                break;
            }

            case "Delete.ForeignKey":
            {
                var operation = New(MigrationOperationKind.DropForeignKey);
                operation.Name = verb.FirstString;
                operation.Table = FirstString(rest, "OnTable") ?? FirstString(rest, "FromTable");
                break;
            }

            case "Delete.PrimaryKey":
            case "Delete.UniqueConstraint":
            {
                var operation = New(verb.Name == "PrimaryKey" ? MigrationOperationKind.DropPrimaryKey : MigrationOperationKind.DropUniqueConstraint);
                operation.Name = verb.FirstString;
                operation.Table = FirstString(rest, "FromTable");
                break;
            }

            case "Delete.Schema":
                New(MigrationOperationKind.DropSchema).Name = verb.FirstString;
                break;
            case "Delete.Sequence":
                New(MigrationOperationKind.DropSequence).Name = verb.FirstString;
                break;
            case "Delete.FromTable":
                New(MigrationOperationKind.DeleteData).Table = verb.FirstString;
                break;
            case "Delete.DefaultConstraint":
            {
                var operation = New(MigrationOperationKind.AlterColumn);
                operation.Table = FirstString(rest, "OnTable");
                operation.Name = FirstString(rest, "OnColumn");
                break;
            }

            case "Alter.Table":
            {
                var table = verb.FirstString;
                foreach (var column in Columns(rest, "AddColumn", "AlterColumn"))
                {
                    var isAdd = column.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddColumn" } };
                    var operation = New(isAdd ? MigrationOperationKind.AddColumn : MigrationOperationKind.AlterColumn);
                    operation.Table = table;
                    operation.Name = column.Name;
                    operation.ColumnDefinitions = ImmutableArray.Create(column);
                }

                break;
            }

            case "Alter.Column":
            {
                var operation = New(MigrationOperationKind.AlterColumn);
                operation.Name = verb.FirstString;
                operation.Table = FirstString(rest, "OnTable");
                operation.ColumnDefinitions = ImmutableArray.Create(Column(verb.FirstString, verb.Syntax, rest));
                break;
            }

            case "Rename.Table":
            {
                var operation = New(MigrationOperationKind.RenameTable);
                operation.Table = verb.FirstString;
                operation.NewName = FirstString(rest, "To");
                break;
            }

            case "Rename.Column":
            {
                var operation = New(MigrationOperationKind.RenameColumn);
                operation.Name = verb.FirstString;
                operation.Table = FirstString(rest, "OnTable");
                operation.NewName = FirstString(rest, "To");
                break;
            }

            case "Insert.IntoTable":
            {
                var operation = New(MigrationOperationKind.InsertData);
                operation.Table = verb.FirstString;
                operation.Columns = AnonymousMembers(rest, "Row");
                break;
            }

            case "Update.Table":
            {
                var operation = New(MigrationOperationKind.UpdateData);
                operation.Table = verb.FirstString;
                operation.Columns = AnonymousMembers(rest, "Set");
                break;
            }
            case "Execute.Sql":
            {
                var operation = New(MigrationOperationKind.Sql);
                operation.SqlText = verb.FirstString;
                operation.SqlTemplate = verb.Arguments.Length > 0 ? SqlTemplate(verb.Arguments[0]) : null;
                break;
            }
            case "Execute.Script":
            case "Execute.EmbeddedScript":
            case "Execute.WithConnection":
                New(MigrationOperationKind.OpaqueScript);
                break;
            default:
                New(MigrationOperationKind.Unknown);
                break;
        }

        return operations.ToImmutable();
    }

    /// <summary>Splits a chain at each column start (<c>WithColumn</c>, <c>AddColumn</c> …) into column definitions.</summary>
    private static ImmutableArray<ColumnDefinition> Columns(List<FluentCall> calls, params string[] starts)
    {
        var columns = ImmutableArray.CreateBuilder<ColumnDefinition>();
        for (var index = 0; index < calls.Count; index++)
        {
            if (Array.IndexOf(starts, calls[index].Name) < 0)
            {
                continue;
            }

            var end = index + 1;
            while (end < calls.Count && Array.IndexOf(starts, calls[end].Name) < 0)
            {
                end++;
            }

            columns.Add(Column(calls[index].FirstString, calls[index].Syntax, calls.GetRange(index + 1, end - index - 1)));
            index = end - 1;
        }

        return columns.ToImmutable();
    }

    private static ColumnDefinition Column(string? name, ExpressionSyntax start, List<FluentCall> modifiers)
    {
        string? fluentType = null;
        foreach (var call in modifiers)
        {
            if (call.Name.StartsWith("As", StringComparison.Ordinal) && call.Name.Length > 2)
            {
                fluentType = call.Name;
                break;
            }
        }

        return new ColumnDefinition(
            name,
            start,
            clrTypeSyntax: null,
            clrType: null,
            fluentType,
            OperationArguments.Empty,
            modifiers.ToImmutableArray());
    }

    private static string? FirstString(List<FluentCall> calls, string name)
    {
        foreach (var call in calls)
        {
            if (call.Name == name)
            {
                return call.FirstString;
            }
        }

        return null;
    }

    /// <summary><c>Set(new { Email = "" })</c> / <c>Row(new { … })</c>: the member names are the columns written; empty when not an anonymous object.</summary>
    private static ImmutableArray<string> AnonymousMembers(List<FluentCall> calls, string name)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var call in calls)
        {
            if (call.Name != name || call.Arguments.Length != 1 || call.Arguments[0].Syntax is not AnonymousObjectCreationExpressionSyntax anonymous)
            {
                continue;
            }

            foreach (var member in anonymous.Initializers)
            {
                var memberName = member.NameEquals?.Name.Identifier.ValueText
                    ?? (member.Expression as IdentifierNameSyntax)?.Identifier.ValueText
                    ?? (member.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
                if (memberName is not null && !builder.Contains(memberName))
                {
                    builder.Add(memberName);
                }
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<string> AllStrings(List<FluentCall> calls, params string[] names)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var call in calls)
        {
            if (Array.IndexOf(names, call.Name) < 0)
            {
                continue;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.StringValue is { } text)
                {
                    builder.Add(text);
                }
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The chain root first: <c>Create</c>, <c>Table("Users")</c>, <c>WithColumn("Id")</c> ….</summary>
    private List<FluentCall> Flatten(ExpressionSyntax expression)
    {
        var calls = new List<FluentCall>();
        var current = expression;
        while (true)
        {
            switch (current)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } invocation:
                    calls.Add(new FluentCall(memberAccess.Name.Identifier.ValueText, invocation, Arguments(invocation, memberAccess.Name.Identifier.ValueText)));
                    current = memberAccess.Expression;
                    continue;
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax identifier } invocation:
                    calls.Add(new FluentCall(identifier.Identifier.ValueText, invocation, Arguments(invocation, identifier.Identifier.ValueText)));
                    break;
                case MemberAccessExpressionSyntax property:
                    // A property in the chain: this.Create, IfDatabase("x").Create.
                    calls.Add(new FluentCall(property.Name.Identifier.ValueText, property, ImmutableArray<OperationArgument>.Empty));
                    if (property.Expression is ThisExpressionSyntax)
                    {
                        break;
                    }

                    current = property.Expression;
                    continue;
                case IdentifierNameSyntax identifier:
                    calls.Add(new FluentCall(identifier.Identifier.ValueText, identifier, ImmutableArray<OperationArgument>.Empty));
                    break;
                default:
                    calls.Clear();
                    return calls;
            }

            break;
        }

        calls.Reverse();
        return calls;
    }

    /// <summary>Each argument by the fluent method it is passed to (or its own name), with its constant value.</summary>
    private ImmutableArray<OperationArgument> Arguments(InvocationExpressionSyntax invocation, string callName)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var builder = ImmutableArray.CreateBuilder<OperationArgument>(arguments.Count);
        foreach (var argument in arguments)
        {
            builder.Add(new OperationArgument(argument.NameColon?.Name.Identifier.ValueText ?? callName, argument.Expression, ConstantOf(argument.Expression)));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>The compiler's constant value of an argument, from syntax where syntax is sure of it.</summary>
    private Optional<object?> ConstantOf(ExpressionSyntax expression)
    {
        if (NeverConstant(expression))
        {
            return default;
        }

        if (_syntax?.Read(expression) is { } read)
        {
            return read.ConstantValue;
        }

        return _model.GetConstantValue(expression, _cancellationToken);
    }

    /// <summary>Expressions the language never gives a constant value: objects, arrays, lambdas, <c>typeof</c>, calls other than <c>nameof</c>.</summary>
    private static bool NeverConstant(ExpressionSyntax expression)
        => expression switch
        {
            AnonymousObjectCreationExpressionSyntax or BaseObjectCreationExpressionSyntax => true,
            ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax => true,
            AnonymousFunctionExpressionSyntax or TypeOfExpressionSyntax => true,
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } => false,
            InvocationExpressionSyntax => true,
            _ => false,
        };

    /// <summary>As <see cref="Sql.SqlTextReader"/> reads it; a constant already read needs no binding.</summary>
    private string? SqlTemplate(OperationArgument sql)
    {
        if (sql.ConstantValue.HasValue)
        {
            return sql.ConstantValue.Value as string;
        }

        return sql.Syntax is ParenthesizedExpressionSyntax or BinaryExpressionSyntax or InterpolatedStringExpressionSyntax
            ? Sql.SqlTextReader.Read(_model, sql.Syntax, _cancellationToken)
            : null;
    }

    /// <summary>The root is FluentMigrator's own <c>Create</c>/<c>Delete</c>/… property, not a user member of the same name.</summary>
    private bool IsFluentMigratorRoot(ExpressionSyntax root)
    {
        // IfDatabase("Postgres").Execute: every method that name can call is FluentMigrator's, so is what it returns,
        // and that type's Execute is an instance member, which no extension method can hide. Decided without
        // binding the body, which the first question to the semantic model would do.
        if (root is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: IdentifierNameSyntax ifDatabase } }
            && _syntax?.MethodsOfName(ifDatabase) is { IsDefaultOrEmpty: false } methods
            && methods.All(IsFluentMigrators))
        {
            return true;
        }

        // A simple name means what it means at the type's position unless the method declares it: no body to bind.
        var symbol = root is IdentifierNameSyntax name && _syntax?.SymbolOfName(name) is { } known
            ? known
            : _model.GetSymbolInfo(root, _cancellationToken).Symbol;

        // Unresolved (broken code): trust the name inside a FluentMigrator migration.
        return symbol is null || IsFluentMigrators(symbol);
    }

    private static bool IsFluentMigrators(ISymbol symbol)
    {
        var ns = symbol.ContainingNamespace;
        while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns?.Name == "FluentMigrator";
    }
}
