using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MigrationAnalyzers.History;

/// <summary>
/// The entity blocks of a history's Designer models (<c>modelBuilder.Entity("Ns.User", b => { … });</c>), each read once
/// per text. Every Designer repeats the whole model, so most blocks of one Designer are, character for character, blocks
/// of the one before: a block found here is not read again, and its syntax nodes below the statement are never made (at
/// thousands of migrations those nodes were most of what reading the models allocated). What it read, and the table it
/// maps alone, are shared by every model that has the block. A block is found by its text, hashed from the source text
/// and compared in full; one with preprocessor directives is always read. For one reader at a time: a history's
/// Designers are read in turn.
/// <para>
/// The text is read in place, as the string the file was parsed from (<see cref="SourceText.ToString()"/> hands that
/// string over without a copy when the text is one string, as a build's files are), not copied out block by block.
/// </para>
/// </summary>
internal sealed class EntityBlockMemo
{
    // A block kept is known by where its text is, not by a copy of it: the Designers' texts outlive the memo.
    private readonly Dictionary<(int Length, ulong Hash), List<(string Text, int Start, TargetModel.EntityBuilder Entity)>> _blocks =
        new Dictionary<(int Length, ulong Hash), List<(string Text, int Start, TargetModel.EntityBuilder Entity)>>();

    // The text of the Designer being read: its blocks come one after the other, and a text made of pieces (an edited
    // file in the IDE) is turned into one string once for all of them.
    private SyntaxTree? _tree;
    private string _text = string.Empty;

    /// <summary>How many blocks were copied rather than read.</summary>
    public int Copied { get; private set; }

    /// <summary>
    /// What the block with this text read, shared with every model that has the block (<see cref="TargetModel.EntityBuilder.IsShared"/>);
    /// null when no such block was read yet.
    /// </summary>
    internal TargetModel.EntityBuilder? Find(SyntaxNode block, out Key key)
    {
        key = default;
        if (block.ContainsDirectives)
        {
            return null;
        }

        if (!ReferenceEquals(block.SyntaxTree, _tree))
        {
            _tree = block.SyntaxTree;
            _text = _tree.GetText().ToString();
        }

        var span = block.Span;
        key = new Key(Hash(_text, span), _text, span);
        if (!_blocks.TryGetValue((span.Length, key.Hash), out var sameHash))
        {
            return null;
        }

        foreach (var (known, start, entity) in sameHash)
        {
            if (string.CompareOrdinal(known, start, _text, span.Start, span.Length) == 0)
            {
                Copied++;
                return entity;
            }
        }

        return null;
    }

    /// <summary>Keeps a shared copy of what a block read into a new entity, for the next block with its text.</summary>
    internal void Add(Key key, TargetModel.EntityBuilder entity)
    {
        if (key.Text is null)
        {
            return;
        }

        if (!_blocks.TryGetValue((key.Span.Length, key.Hash), out var sameHash))
        {
            _blocks[(key.Span.Length, key.Hash)] = sameHash = new List<(string Text, int Start, TargetModel.EntityBuilder Entity)>(1);
        }

        sameHash.Add((key.Text, key.Span.Start, entity.Share()));
    }

    /// <summary>
    /// FNV-1a over every fourth character of the block: the length is part of the key and every block found is compared
    /// in full, so a block that differs only between the characters read costs one comparison more, never a wrong copy.
    /// </summary>
    private static ulong Hash(string text, TextSpan span)
    {
        var hash = 14695981039346656037UL;
        for (var i = span.Start; i < span.End; i += 4)
        {
            hash = (hash ^ text[i]) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>Where a block not found was read from, to keep it under its text; default for a block never kept.</summary>
    internal readonly record struct Key(ulong Hash, string? Text, TextSpan Span);
}
