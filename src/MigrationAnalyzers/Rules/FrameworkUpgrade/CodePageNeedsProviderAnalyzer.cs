// Not a pack rule: it judges the constant code page passed to GetEncoding and looks for Encoding.RegisterProvider anywhere in the compilation.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
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
/// MIG3007: <c>Encoding.GetEncoding(1252)</c> or <c>GetEncoding("windows-1252")</c> with a constant that .NET Core does
/// not have built in. Reported at the end of the compilation, and only when no <c>Encoding.RegisterProvider</c> call
/// was seen anywhere in it: a project that registers the provider (typically at startup) is fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CodePageNeedsProviderAnalyzer : FrameworkUpgradeAnalyzer
{
    /// <summary>UTF-16 LE/BE, UTF-32 LE/BE, US-ASCII, Latin-1, UTF-7, UTF-8: the code pages .NET Core always has.</summary>
    private static readonly HashSet<int> BuiltInCodePages = new HashSet<int> { 1200, 1201, 12000, 12001, 20127, 28591, 65000, 65001 };

    /// <summary>The names .NET Core's own encoding table knows (System.Text.EncodingTable), compared without case.</summary>
    private static readonly HashSet<string> BuiltInNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ansi_x3.4-1968", "ansi_x3.4-1986", "ascii", "cp367", "cp819", "csascii", "csisolatin1", "csunicode11utf7", "ibm367", "ibm819",
        "iso-10646-ucs-2", "iso-8859-1", "iso-ir-100", "iso-ir-6", "iso646-us", "iso8859-1", "iso_646.irv:1991", "iso_8859-1",
        "iso_8859-1:1987", "l1", "latin1", "ucs-2", "unicode", "unicode-1-1-utf-7", "unicode-1-1-utf-8", "unicode-2-0-utf-7",
        "unicode-2-0-utf-8", "unicodefffe", "us", "us-ascii", "utf-16", "utf-16be", "utf-16le", "utf-32", "utf-32be", "utf-32le",
        "utf-7", "utf-8", "x-unicode-1-1-utf-7", "x-unicode-1-1-utf-8", "x-unicode-2-0-utf-7", "x-unicode-2-0-utf-8",
    };

    public CodePageNeedsProviderAnalyzer()
        : base(MIG3007_CodePageNeedsProvider)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, UpgradeTargetResolver target)
    {
        var candidates = new ConcurrentQueue<Diagnostic>();
        var registered = 0;

        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                var invoked = WrittenNames.Invoked((InvocationExpressionSyntax)nodeContext.Node);
                if (invoked is not ("GetEncoding" or "RegisterProvider")
                    || nodeContext.SemanticModel.GetOperation(nodeContext.Node, nodeContext.CancellationToken) is not IInvocationOperation invocation)
                {
                    return;
                }

                var method = invocation.TargetMethod;
                if (!method.IsStatic || !KnownType.Is(method.ContainingType, "System.Text", "Encoding"))
                {
                    return;
                }

                if (method.Name == "RegisterProvider")
                {
                    Interlocked.Exchange(ref registered, 1);
                    return;
                }

                var tree = invocation.Syntax.SyntaxTree;
                if (method.Name != "GetEncoding" || invocation.Arguments.Length == 0 || !target.Reaches(tree, FrameworkVersions.NetCore1))
                {
                    return;
                }

                var name = NeedsProvider(invocation.Arguments[0].Value.ConstantValue);
                if (name is not null)
                {
                    candidates.Enqueue(Diagnostic.Create(MIG3007_CodePageNeedsProvider, invocation.Syntax.GetLocation(), name, target.For(tree)!.DisplayName));
                }
            },
            SyntaxKind.InvocationExpression);

        context.RegisterCompilationEndAction(endContext =>
        {
            if (Volatile.Read(ref registered) != 0)
            {
                return;
            }

            foreach (var diagnostic in candidates)
            {
                endContext.ReportDiagnostic(diagnostic);
            }
        });
    }

    /// <summary>How the message names the encoding when it is not built in (<c>code page 1252</c>, <c>'windows-1252'</c>); null otherwise.</summary>
    private static string? NeedsProvider(Optional<object?> constant)
    {
        if (!constant.HasValue)
        {
            return null;
        }

        return constant.Value switch
        {
            // 0 means "the default encoding", which .NET Core answers with UTF-8 rather than throwing.
            int codePage when codePage > 0 && !BuiltInCodePages.Contains(codePage) => "code page " + codePage.ToString(CultureInfo.InvariantCulture),
            string name when name.Trim().Length > 0 && !BuiltInNames.Contains(name.Trim()) => "'" + name.Trim() + "'",
            _ => null,
        };
    }
}
