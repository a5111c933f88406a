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
/// </summary>
internal sealed class EntityBlockMemo
{
    // A block kept is known by where its text is, not by a copy of it: the Designers' texts outlive the memo.
    private readonly Dictionary<(int Length, ulong Hash), List<(SourceText Text, int Start, TargetModel.EntityBuilder Entity)>> _blocks =
        new Dictionary<(int Length, ulong Hash), List<(SourceText Text, int Start, TargetModel.EntityBuilder Entity)>>();

    private char[] _buffer = new char[4096];

    private char[] _known = new char[4096];

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

        var span = block.Span;
        if (_buffer.Length < span.Length)
        {
            _buffer = new char[span.Length * 2];
            _known = new char[span.Length * 2];
        }

        var text = block.SyntaxTree.GetText();
        text.CopyTo(span.Start, _buffer, 0, span.Length);
        key = new Key(Hash(_buffer, span.Length), text, span);
        if (!_blocks.TryGetValue((span.Length, key.Hash), out var sameHash))
        {
            return null;
        }

        foreach (var (known, start, entity) in sameHash)
        {
            known.CopyTo(start, _known, 0, span.Length);
            if (SameText(_known, _buffer, span.Length))
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
            _blocks[(key.Span.Length, key.Hash)] = sameHash = new List<(SourceText Text, int Start, TargetModel.EntityBuilder Entity)>(1);
        }

        sameHash.Add((key.Text, key.Span.Start, entity.Share()));
    }

    private static bool SameText(char[] known, char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (known[i] != buffer[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>FNV-1a over the block's characters.</summary>
    private static ulong Hash(char[] buffer, int length)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < length; i++)
        {
            hash = (hash ^ buffer[i]) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>Where a block not found was read from, to keep it under its text; default for a block never kept.</summary>
    internal readonly record struct Key(ulong Hash, SourceText? Text, TextSpan Span);
}
