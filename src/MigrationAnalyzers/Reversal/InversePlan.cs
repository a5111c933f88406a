using System.Collections.Immutable;
using MigrationAnalyzers.Operations;

namespace MigrationAnalyzers.Reversal;

/// <summary>
/// What undoing a list of operations takes: the statements of Down, in the order they must run, or the first
/// operation nothing can reverse. The analyzers use <see cref="BlockingReason"/> to say why no Down can be written;
/// the code fixes use <see cref="Statements"/> to write it.
/// </summary>
public sealed class InversePlan
{
    /// <summary>Diagnostic property: "true" when a Down can be generated, so a code fix is offered.</summary>
    public const string CanGenerateDownProperty = "CanGenerateDown";

    private InversePlan(ImmutableArray<InverseStatement> statements, MigrationOperation? blockingOperation, string? blockingReason)
    {
        Statements = statements;
        BlockingOperation = blockingOperation;
        BlockingReason = blockingReason;
    }

    /// <summary>Down's statements, already in reverse order of Up.</summary>
    public ImmutableArray<InverseStatement> Statements { get; }

    /// <summary>The operation that cannot be reversed; null when the plan is complete or a statement that is no operation blocks it.</summary>
    public MigrationOperation? BlockingOperation { get; }

    /// <summary>Why the plan is incomplete, in words for a diagnostic message; null when it is complete.</summary>
    public string? BlockingReason { get; }

    public bool IsComplete => BlockingReason is null;

    internal static InversePlan Complete(ImmutableArray<InverseStatement> statements) => new InversePlan(statements, null, null);

    internal static InversePlan Blocked(MigrationOperation? operation, string reason)
        => new InversePlan(ImmutableArray<InverseStatement>.Empty, operation, reason);
}

/// <summary>
/// One statement of a generated Down. <see cref="Text"/> has no trailing newline; lines after the first are indented
/// relative to the statement with four spaces per level, so the code fix can re-indent it to the file's style.
/// </summary>
public sealed class InverseStatement
{
    public InverseStatement(MigrationOperation undoes, string text)
    {
        Undoes = undoes;
        Text = text;
    }

    /// <summary>The Up operation this statement reverses.</summary>
    public MigrationOperation Undoes { get; }

    public string Text { get; }

    public override string ToString() => Text;
}
