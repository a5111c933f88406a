// Not a pack rule: it reads the file name passed to Process.Start (a constant or the literal start of a string) to tell a URL or document from a program.
using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.Reading;
using MigrationAnalyzers.Settings;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.FrameworkUpgrade;

/// <summary>
/// MIG3006: <c>Process.Start("https://…")</c> or <c>Process.Start("report.pdf")</c>. Only a file name whose text is
/// known at compile time is judged (a constant, or the literal start of an interpolated or concatenated string):
/// a URL, a document or a folder needs the shell, which .NET Core no longer uses by default.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProcessStartNeedsShellAnalyzer : FrameworkUpgradeAnalyzer
{
    private static readonly string[] UrlSchemes = { "http://", "https://", "mailto:", "ftp://", "file://", "www." };
    private static readonly string[] ExecutableExtensions = { ".exe", ".com", ".bat", ".cmd", "" };

    public ProcessStartNeedsShellAnalyzer()
        : base(MIG3006_ProcessStartNeedsShell)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, UpgradeTargetResolver target)
    {
        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                if (WrittenNames.Invoked((InvocationExpressionSyntax)nodeContext.Node) != "Start"
                    || nodeContext.SemanticModel.GetOperation(nodeContext.Node, nodeContext.CancellationToken) is not IInvocationOperation invocation)
                {
                    return;
                }

                var method = invocation.TargetMethod;
                if (method.Name != "Start"
                    || !method.IsStatic
                    || !KnownType.Is(method.ContainingType, "System.Diagnostics", "Process")
                    || method.Parameters.Length == 0
                    || method.Parameters[0].Type.SpecialType != SpecialType.System_String
                    || invocation.Arguments.Length == 0)
                {
                    return;
                }

                var fileName = FileNameArgument(invocation);
                var known = fileName is null ? null : KnownPrefix(fileName);
                var kind = known is null ? null : NeedsShell(known.Value.Text, known.Value.IsComplete);
                var tree = invocation.Syntax.SyntaxTree;
                if (kind is null || !target.Reaches(tree, FrameworkVersions.NetCore1))
                {
                    return;
                }

                nodeContext.ReportDiagnostic(Diagnostic.Create(
                    MIG3006_ProcessStartNeedsShell,
                    invocation.Syntax.GetLocation(),
                    kind,
                    target.For(tree)!.DisplayName));
            },
            SyntaxKind.InvocationExpression);
    }

    private static IOperation? FileNameArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The text of the file name as far as it is known: all of it for a constant, the leading literal part otherwise.</summary>
    private static (string Text, bool IsComplete)? KnownPrefix(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return (text, true);
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0
                && interpolated.Parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string start } }:
                return (start, false);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                var left = KnownPrefix(concatenation.LeftOperand);
                return left is null ? null : (left.Value.Text, false);
            default:
                return null;
        }
    }

    /// <summary>"a URL", "a document" or "a folder" when the shell is needed; null for an executable or when it cannot be told.</summary>
    public static string? NeedsShell(string fileName, bool isComplete)
    {
        var text = fileName.Trim().Trim('"');
        foreach (var scheme in UrlSchemes)
        {
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return "a URL";
            }
        }

        if (!isComplete)
        {
            return null; // "C:\tools\" + name might still end in .exe
        }

        if (text.EndsWith("\\", StringComparison.Ordinal) || text.EndsWith("/", StringComparison.Ordinal))
        {
            return "a folder";
        }

        if (text.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return null;
        }

        var extension = Path.GetExtension(text);
        foreach (var executable in ExecutableExtensions)
        {
            if (string.Equals(extension, executable, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return "a document";
    }
}
