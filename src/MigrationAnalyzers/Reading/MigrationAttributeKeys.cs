using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Caching;

namespace MigrationAnalyzers.Reading;

/// <summary>
/// The IDs and positions that the <c>[Migration(…)]</c> attributes of one syntax tree spell out, read from syntax alone
/// and kept per tree for as long as the tree lives. The IDE analyses one document at a time, and Roslyn runs the
/// compilation-start actions again for each request, on a new Compilation with new symbols: whatever is cached per
/// compilation is read again every time. A tree is shared by all those compilations, so this survives them. It can only
/// rule a clash out: when no two attributes share a key, no two migrations share an ID or position; otherwise the
/// semantic catalog decides. An argument the syntax cannot read (a constant, an alias of the attribute) makes the tree
/// <see cref="IsOpaque"/>, and then nothing is ruled out.
/// </summary>
internal sealed class MigrationAttributeKeys
{
    private const string TreeMemo = "migration-attribute-keys|tree";

    private static readonly MigrationAttributeKeys Empty = new MigrationAttributeKeys(new List<string>(), isOpaque: false);

    private static readonly Func<SyntaxTree, MigrationAttributeKeys> OfTree = static tree => Of(tree, CancellationToken.None);

    private MigrationAttributeKeys(List<string> keys, bool isOpaque)
    {
        Keys = keys;
        IsOpaque = isOpaque;
    }

    /// <summary>One entry per attribute and key: <c>id:</c> the EF Core ID, <c>at:</c> the position (EF Core timestamp or FluentMigrator version).</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Some attribute of the tree may be a migration's, with a key the syntax cannot read.</summary>
    public bool IsOpaque { get; }

    public static string IdKey(string id) => "id:" + id;

    public static string PositionKey(long position) => "at:" + position.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// How many attributes of the compilation spell each key; null when some tree is <see cref="IsOpaque"/>. Counted once
    /// for every compilation of the same source: the walk over every tree would otherwise be paid by each IDE document.
    /// </summary>
    public static IReadOnlyDictionary<string, int>? CountsOf(Compilation compilation)
        => Caching.SameContentCache.For(compilation).GetOrAddFromTrees("migration-attribute-keys", TreeMemo, OfTree, () => new Counts(Count(compilation))).Value;

    private static Dictionary<string, int>? Count(Compilation compilation)
    {
        var counts = new Dictionary<string, int>();
        var shared = Caching.SameContentCache.For(compilation);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var keys = shared.PerTree(TreeMemo, tree, OfTree);
            if (keys.IsOpaque)
            {
                return null;
            }

            foreach (var key in keys.Keys)
            {
                counts[key] = counts.TryGetValue(key, out var count) ? count + 1 : 1;
            }
        }

        return counts;
    }

    public static MigrationAttributeKeys Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        // The text has to mention the attribute at all; most trees of a project do not. Read without the caller's
        // cancellation: the answer is kept for the IDE's next compilations (SameContentCache.PerTree in Count).
        return tree.TryGetText(out var text) && !TextSearch.Contains(text, "Migration") ? Empty : Read(tree, CancellationToken.None);
    }

    private static MigrationAttributeKeys Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var opaque = false;

        // Attributes sit on types, at the top of namespaces; method bodies never hold a migration's attribute.
        FileTypeDeclarations.Walk(
            tree.GetRoot(cancellationToken),
            scope =>
            {
                foreach (var directive in FileTypeDeclarations.UsingsOf(scope))
                {
                    if (directive is { Alias: not null, Name: { } target } && IsMigrationName(RightmostName(target)))
                    {
                        opaque = true;
                    }
                }

                ReadAttributes(FileTypeDeclarations.AttributeListsOf(scope));
            },
            type =>
            {
                if (type is TypeDeclarationSyntax declaration)
                {
                    ReadAttributes(declaration.AttributeLists);
                }
            });

        return new MigrationAttributeKeys(keys, opaque);

        void ReadAttributes(SyntaxList<AttributeListSyntax> lists)
        {
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (IsMigrationName(RightmostName(attribute.Name)))
                    {
                        opaque |= !AddKeys(attribute, keys);
                    }
                }
            }
        }
    }

    /// <summary>False when the first argument is not a literal the syntax can read.</summary>
    private static bool AddKeys(AttributeSyntax attribute, List<string> keys)
    {
        if (attribute.ArgumentList is not { Arguments.Count: > 0 } arguments)
        {
            return true;
        }

        switch (arguments.Arguments[0].Expression)
        {
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression, Token.ValueText: var id }:
                keys.Add(IdKey(id));
                if (MigrationReader.EfTimestamp(id) is { } timestamp)
                {
                    keys.Add(PositionKey(timestamp));
                }

                return true;
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: var value } when AsLong(value) is { } version:
                keys.Add(PositionKey(version));
                return true;
            default:
                return false;
        }
    }

    private static long? AsLong(object? value) => value switch
    {
        int number => number,
        long number => number,
        uint number => number,
        ulong number when number <= long.MaxValue => (long)number,
        _ => null,
    };

    private static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    private static bool IsMigrationName(string name) => name is "Migration" or "MigrationAttribute";

    /// <summary>The counts, or null for an opaque tree: a cached value cannot be null.</summary>
    private sealed class Counts
    {
        public Counts(Dictionary<string, int>? value) => Value = value;

        public Dictionary<string, int>? Value { get; }
    }
}
