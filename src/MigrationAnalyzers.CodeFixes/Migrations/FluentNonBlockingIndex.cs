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

        // The catalog already read the migration's transaction behaviour from its attribute.
        if (chain.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } symbol
            || MigrationAnalyzers.Reading.MigrationCatalog.For(model.Compilation).Get(symbol) is not { } migration)
        {
            return null;
        }

        AttributeSyntax? attribute = null;
        if (postgres && !migration.RunsWithoutTransaction)
        {
            attribute = TransactionBehaviorNone.AttributeOf(model, declaration, cancellationToken);
            if (attribute is null)
            {
                return null;
            }
        }

        return new Plan(method, ns, attribute, attribute is null ? null : TransactionBehaviorNone.Add(model, attribute));
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
            && edited.FindNode(plan.Attribute.Span, getInnermostNodeForTie: true) is AttributeSyntax attribute
            && attribute.IsEquivalentTo(plan.Attribute))
        {
            edited = edited.ReplaceNode(attribute, plan.NoneAttribute!);
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
        public Plan(string method, string ns, AttributeSyntax? attribute, AttributeSyntax? noneAttribute)
        {
            NoneAttribute = noneAttribute;
            Method = method;
            Namespace = ns;
            Attribute = attribute;
        }

        /// <summary><c>AsConcurrently</c> or <c>Online</c>.</summary>
        public string Method { get; }

        public string Namespace { get; }

        /// <summary>PostgreSQL: the <c>[Migration]</c> attribute that gets <c>TransactionBehavior.None</c>; null when none is needed.</summary>
        public AttributeSyntax? Attribute { get; }

        /// <summary>That attribute with <c>TransactionBehavior.None</c>.</summary>
        public AttributeSyntax? NoneAttribute { get; }
    }
}
