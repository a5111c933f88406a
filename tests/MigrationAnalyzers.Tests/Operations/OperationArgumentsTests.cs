using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Tests.Operations;

/// <summary>The arguments of a call by name, as the readers collect them: the first argument given a name keeps it.</summary>
public class OperationArgumentsTests
{
    [Fact]
    public void Arguments_are_found_by_name_and_kept_in_the_order_they_were_read()
    {
        var builder = new OperationArguments.Builder(1);
        Assert.True(builder.TryAdd("name", Argument("name", "\"Email\"")));
        Assert.True(builder.TryAdd("table", Argument("table", "\"Users\"")));
        Assert.False(builder.TryAdd("name", Argument("name", "\"Other\"")));
        Assert.True(builder.TryAdd("nullable", Argument("nullable", "true")));
        var arguments = builder.ToArguments();

        Assert.Equal(3, arguments.Count);
        Assert.Equal(new[] { "name", "table", "nullable" }, arguments.Keys);
        Assert.Equal("Email", arguments["name"].StringValue);
        Assert.True(arguments.TryGetValue("nullable", out var nullable) && nullable.BoolValue == true);
        Assert.False(arguments.ContainsKey("Name"));
        Assert.False(arguments.TryGetValue("schema", out _));
        Assert.Throws<KeyNotFoundException>(() => arguments["schema"]);
        Assert.Equal(new[] { "name=Email", "table=Users", "nullable=True" }, arguments.Select(pair => pair.Key + "=" + pair.Value.ConstantValue.Value));
        Assert.Equal(arguments.Values, ((IReadOnlyDictionary<string, OperationArgument>)arguments).Select(pair => pair.Value));
    }

    [Fact]
    public void No_arguments_is_the_empty_set()
    {
        Assert.Same(OperationArguments.Empty, new OperationArguments.Builder(0).ToArguments());
        Assert.True(OperationArguments.Empty.IsEmpty);
        Assert.Empty(OperationArguments.Empty);
    }

    private static OperationArgument Argument(string name, string expression)
    {
        var syntax = SyntaxFactory.ParseExpression(expression);
        var value = syntax switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal => new Optional<object?>(literal.Token.Value),
            _ => default,
        };

        return new OperationArgument(name, syntax, value);
    }
}
