using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.CodeFixes.Migrations;

/// <summary>
/// MIG1060 for FluentMigrator: <c>Create.Index(…)…</c> gets <c>.WithOptions().AsConcurrently()</c> (PostgreSQL, from
/// FluentMigrator.Extensions.Postgres) or <c>.WithOptions().Online()</c> (SQL Server, FluentMigrator.Extensions.SqlServer),
/// with the extension's namespace imported. PostgreSQL refuses CREATE INDEX CONCURRENTLY inside a transaction, so there
/// the migration also gets <c>TransactionBehavior.None</c>; the caller offers that only when the index is alone in Up.
/// </summary>
internal static class FluentNonBlockingIndex
{
    /// <summary>What the fix would add, or null when it cannot be written safely (the reason is in the rule page).</summary>
    public static Plan? TryPlan(SemanticModel model, InvocationExpressionSyntax chain, bool postgres, CancellationToken cancellationToken)
    {
        var (extensions, method, ns) = postgres
            ? ("FluentMigrator.Postgres.PostgresExtensions", "AsConcurrently", "FluentMigrator.Postgres")
            : ("FluentMigrator.SqlServer.SqlServerExtensions", "Online", "FluentMigrator.SqlServer");

        // The extension package is referenced, the chain starts at Create.Index, has no options yet, and ends where
        // WithOptions() binds (ICreateIndexOnColumnSyntax and what derives from it).
        if (model.Compilation.GetTypeByMetadataName(extensions) is null
            || !StartsAtCreateIndex(chain)
            || chain.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Any(access => access.Name.Identifier.ValueText == "WithOptions")
            || model.GetTypeInfo(chain, cancellationToken).Type is not INamedTypeSymbol type
            || !type.AllInterfaces.Prepend(type).Any(candidate => candidate.GetMembers("WithOptions").Length > 0))
        {
            return null;
        }

        AttributeSyntax? attribute = null;
        if (postgres && !RunsWithoutTransaction(model, chain, cancellationToken))
        {
            attribute = MigrationAttribute(model, chain, cancellationToken);
            if (attribute is null)
            {
                return null;
            }
        }

        return new Plan(method, ns, attribute);
    }

    /// <summary>
    /// The chain with the option on a line of its own, the namespace imported and, for PostgreSQL, the migration without a
    /// transaction. <paramref name="replaceChain"/> puts the new chain in place (and removes what goes with it).
    /// </summary>
    public static SyntaxNode Apply(SyntaxNode root, InvocationExpressionSyntax chain, Plan plan, string indentation, string newLine, System.Func<SyntaxNode, InvocationExpressionSyntax, SyntaxNode, SyntaxNode> replaceChain)
    {
        var text = chain.WithoutTrivia().ToFullString() + newLine + indentation + ".WithOptions()." + plan.Method + "()";
        var replacement = SyntaxFactory.ParseExpression(text).WithTriviaFrom(chain);

        // The chain (and what goes with it) first; the attribute stands before Up, so its span is the same afterwards.
        var edited = replaceChain(root, chain, replacement);
        if (plan.Attribute is not null
            && edited.FindNode(plan.Attribute.Span, getInnermostNodeForTie: true) is AttributeSyntax { ArgumentList: { } arguments } attribute
            && attribute.IsEquivalentTo(plan.Attribute))
        {
            var none = SyntaxFactory.AttributeArgument(SyntaxFactory.ParseExpression("TransactionBehavior.None"));
            edited = edited.ReplaceNode(attribute, attribute.WithArgumentList(arguments.WithArguments(arguments.Arguments.Insert(1, none))));
        }

        return edited is CompilationUnitSyntax unit ? WithUsing(unit, plan.Namespace) : edited;
    }

    private static bool StartsAtCreateIndex(InvocationExpressionSyntax chain)
    {
        ExpressionSyntax current = chain;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            if (access.Expression is IdentifierNameSyntax { Identifier.ValueText: "Create" } && access.Name.Identifier.ValueText == "Index")
            {
                return true;
            }

            current = access.Expression;
        }

        return false;
    }

    private static bool RunsWithoutTransaction(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        => node.FirstAncestorOrSelf<ClassDeclarationSyntax>()?.AttributeLists.SelectMany(list => list.Attributes)
            .Any(attribute => attribute.ArgumentList?.Arguments.Any(argument =>
                model.GetSymbolInfo(argument.Expression, cancellationToken).Symbol is IFieldSymbol { Name: "None", ContainingType.Name: "TransactionBehavior" }) == true) == true;

    /// <summary><c>[Migration(version)]</c> or <c>[Migration(version, "description")]</c>, which take <c>TransactionBehavior</c> second; null for other forms.</summary>
    private static AttributeSyntax? MigrationAttribute(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var migrationAttribute = model.Compilation.GetTypeByMetadataName("FluentMigrator.MigrationAttribute");
        var behavior = model.Compilation.GetTypeByMetadataName("FluentMigrator.TransactionBehavior");
        var type = node.FirstAncestorOrSelf<ClassDeclarationSyntax>();
        if (migrationAttribute is null || behavior is null || type is null)
        {
            return null;
        }

        // TransactionBehavior.None is written by its short name: it must bind there.
        var shortName = model.LookupNamespacesAndTypes(type.SpanStart, name: "TransactionBehavior");
        if (shortName.Length != 1 || !SymbolEqualityComparer.Default.Equals(shortName[0], behavior))
        {
            return null;
        }

        foreach (var attribute in type.AttributeLists.SelectMany(list => list.Attributes))
        {
            var arguments = attribute.ArgumentList?.Arguments ?? default;
            if (model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor
                && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, migrationAttribute)
                && arguments.Count is 1 or 2
                && arguments.All(argument => argument.NameColon is null && argument.NameEquals is null)
                && (arguments.Count == 1 || constructor.Parameters[1].Type.SpecialType == SpecialType.System_String))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Adds <c>using <paramref name="ns"/>;</c> in order among the file's usings, unless it is there.</summary>
    private static CompilationUnitSyntax WithUsing(CompilationUnitSyntax unit, string ns)
    {
        if (unit.Usings.Any(existing => existing.Alias is null && existing.StaticKeyword.IsKind(SyntaxKind.None) && existing.Name?.ToString() == ns))
        {
            return unit;
        }

        var newLine = unit.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.LineFeed);
        var usings = unit.Usings;
        var index = 0;
        while (index < usings.Count && string.CompareOrdinal(usings[index].Name?.ToString(), ns) < 0 && usings[index].Alias is null)
        {
            index++;
        }

        var list = usings.ToList();
        if (index == 0 && list.Count > 0)
        {
            // The first using carries the file's header comments: they stay first.
            directive = directive.WithLeadingTrivia(list[0].GetLeadingTrivia());
            list[0] = list[0].WithLeadingTrivia();
        }

        list.Insert(index, directive);
        return unit.WithUsings(SyntaxFactory.List(list));
    }

    internal sealed class Plan
    {
        public Plan(string method, string ns, AttributeSyntax? attribute)
        {
            Method = method;
            Namespace = ns;
            Attribute = attribute;
        }

        /// <summary><c>AsConcurrently</c> or <c>Online</c>.</summary>
        public string Method { get; }

        public string Namespace { get; }

        /// <summary>PostgreSQL: the <c>[Migration]</c> attribute that gets <c>TransactionBehavior.None</c>; null when none is needed.</summary>
        public AttributeSyntax? Attribute { get; }
    }
}
