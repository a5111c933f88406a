using System;
using System.Diagnostics;
using System.IO;

namespace MigrationAnalyzers.Tests.Integration;

/// <summary>
/// A library author ships a rule pack in their NuGet package (build/&lt;id&gt;.props adds it as AdditionalFiles); a consumer
/// that restores the package and builds with our analyzer gets the library's diagnostic, and <c>dotnet format analyzers</c>
/// applies its fix. Real dotnet pack / restore / build / format.
/// </summary>
public class LibraryShippedPackTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "migration-pack-" + Guid.NewGuid().ToString("N"));

    public LibraryShippedPackTests()
    {
        Directory.CreateDirectory(_root);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A build process may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void Pack_shipped_in_a_library_package_reaches_the_consumer_build()
    {
        var library = Write("Acme.Client/Acme.Client.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <PackageId>Acme.Client</PackageId>
                <Version>3.0.0</Version>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <None Include="build/**" Pack="true" PackagePath="build/" />
              </ItemGroup>
            </Project>
            """);
        Write("Acme.Client/Client.cs", """
            namespace Acme
            {
                public class Client
                {
                    [System.Obsolete("Removed in 4.0")]
                    public void Send(string message) { }

                    public void SendAsync(string message) { }
                }
            }
            """);
        Write("Acme.Client/build/Acme.Client.props", """
            <Project>
              <ItemGroup>
                <AdditionalFiles Include="$(MSBuildThisFileDirectory)Acme.Client.migrationpack" Visible="false" />
              </ItemGroup>
            </Project>
            """);
        Write("Acme.Client/build/Acme.Client.migrationpack", """
            pack = acme-client-3

            [ACME001]
            message = Client.Send is removed in Acme.Client 4.0; use SendAsync
            match = M:Acme.Client.Send(*)
            requires = Acme.Client >= 3.0
            rewrite = rename SendAsync
            """);
        // Isolated from the repository's Directory.Build.props and central package versions.
        Write("Directory.Build.props", "<Project />");
        Write("Directory.Packages.props", "<Project />");
        var feed = Path.Combine(_root, "feed");
        Run("pack " + Quote(library) + " -c Release -o " + Quote(feed));

        Write("nuget.config", $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var analyzer = Path.Combine(AppContext.BaseDirectory, "MigrationAnalyzers.dll");
        var fixes = Path.Combine(AppContext.BaseDirectory, "MigrationAnalyzers.CodeFixes.dll");
        var consumer = Write("Shop/Shop.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NoWarn>$(NoWarn);CS0618</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Acme.Client" Version="3.0.0" />
                <Analyzer Include="{analyzer}" />
                <Analyzer Include="{fixes}" />
              </ItemGroup>
            </Project>
            """);
        Write("Shop/Notifier.cs", """
            namespace Shop
            {
                public class Notifier
                {
                    public void Notify(Acme.Client client) => client.Send("shipped");
                }
            }
            """);

        var output = Run("build " + Quote(consumer) + " -c Release --packages " + Quote(Path.Combine(_root, "packages")));

        Assert.Contains("warning MIG2001: ACME001: Client.Send is removed in Acme.Client 4.0; use SendAsync", output, StringComparison.Ordinal);
        Assert.Matches(@"Notifier\.cs\(5,\d+\): warning MIG2001", output);

        // The same pack drives the bulk fix.
        Run("format analyzers " + Quote(consumer) + " --diagnostics MIG2001 --severity info --no-restore", msbuildSwitches: false);
        Assert.Contains("client.SendAsync(\"shipped\")", File.ReadAllText(Path.Combine(_root, "Shop", "Notifier.cs")), StringComparison.Ordinal);
    }

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Run(string arguments, bool msbuildSwitches = true)
    {
        var start = new ProcessStartInfo("dotnet", msbuildSwitches ? arguments + " -nodeReuse:false -p:UseSharedCompilation=false" : arguments)
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + arguments + " did not finish in 5 minutes");
        }

        var output = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, "dotnet " + arguments + " failed:\n" + output);
        return output;
    }

    private static string Quote(string path) => "\"" + path + "\"";
}
