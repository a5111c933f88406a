using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.ApiMigration;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>The aspnetcore-hosting pack against the ASP.NET Core 8 reference pack and the 2.2 hosting abstractions.</summary>
public class AspNetCoreHostingPackTests
{
    private const string Startup = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;

        namespace Shop.Web
        {
            public class Startup
            {
                private readonly {|MIG2301:IHostingEnvironment|} _environment;

                public Startup({|MIG2301:IHostingEnvironment|} environment) => _environment = environment;

                public void Configure(IApplicationBuilder app, {|MIG2303:IApplicationLifetime|} lifetime)
                {
                    if (_environment.EnvironmentName == {|MIG2304:EnvironmentName|}.Development)
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    lifetime.ApplicationStopping.Register(() => { });
                }
            }
        }
        """;

    [Fact]
    public async Task Hosting_2x_abstractions_become_their_3x_replacements()
    {
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFixProvider> { ReferenceAssemblies = TestReferences.AspNetCore80 };
        test.TestState.Sources.Add(("/0/Startup.cs", Startup));
        test.FixedState.Sources.Add(("/0/Startup.cs", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            namespace Shop.Web
            {
                public class Startup
                {
                    private readonly IWebHostEnvironment _environment;

                    public Startup(IWebHostEnvironment environment) => _environment = environment;

                    public void Configure(IApplicationBuilder app, IHostApplicationLifetime lifetime)
                    {
                        if (_environment.EnvironmentName == Environments.Development)
                        {
                            app.UseDeveloperExceptionPage();
                        }

                        lifetime.ApplicationStopping.Register(() => { });
                    }
                }
            }
            """));
        // The old types are obsolete (CS0618 warnings) in ASP.NET Core 8.
        test.CompilerDiagnostics = CompilerDiagnostics.Errors;
        test.NumberOfFixAllIterations = -3;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_the_replacement_types_the_diagnostic_stays_and_no_fix_is_offered()
    {
        // A 2.x project: IWebHostEnvironment does not exist yet, so the rule reports but cannot fix.
        var source = """
            using Microsoft.AspNetCore.Hosting;

            namespace Shop.Web
            {
                public class Startup
                {
                    public Startup({|#0:IHostingEnvironment|} environment) { }
                }
            }
            """;
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFixProvider> { ReferenceAssemblies = TestReferences.AspNetCoreHosting22 };
        test.TestState.Sources.Add(source);
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2301", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("IHostingEnvironment (ASP.NET Core) is obsolete since 3.0; use IWebHostEnvironment. (no automatic fix: T:Microsoft.AspNetCore.Hosting.IWebHostEnvironment is not available in this compilation)"));
        test.FixedState.Sources.Add(source);
        test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2301", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("IHostingEnvironment (ASP.NET Core) is obsolete since 3.0; use IWebHostEnvironment. (no automatic fix: T:Microsoft.AspNetCore.Hosting.IWebHostEnvironment is not available in this compilation)"));
        await test.RunAsync(CancellationToken.None);
    }
}
