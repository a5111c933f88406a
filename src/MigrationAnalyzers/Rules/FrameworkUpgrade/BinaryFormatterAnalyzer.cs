using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using static MigrationAnalyzers.Descriptors.Descriptors;

namespace MigrationAnalyzers.Rules.FrameworkUpgrade;

/// <summary>
/// MIG3001: BinaryFormatter serialization. Obsolete and off in ASP.NET Core from .NET 5, and from .NET 9 the
/// implementation in the runtime always throws, so the call sites are what must change before the move.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BinaryFormatterAnalyzer : ApiUsageAnalyzer
{
    private const string BinaryFormatter = "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter";
    private const string Consequence = "is obsolete (SYSLIB0011) and throws PlatformNotSupportedException from .NET 9";

    public BinaryFormatterAnalyzer()
        : base(ImmutableArray.Create(
            new UpgradeApi(MIG3001_BinaryFormatterSerialization, BinaryFormatter, "Serialize", UpgradeApi.Net(5), Consequence),
            new UpgradeApi(MIG3001_BinaryFormatterSerialization, BinaryFormatter, "Deserialize", UpgradeApi.Net(5), Consequence),
            new UpgradeApi(MIG3001_BinaryFormatterSerialization, BinaryFormatter, "UnsafeDeserialize", UpgradeApi.Net(5), Consequence)))
    {
    }
}
