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
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix> { ReferenceAssemblies = TestReferences.AspNetCore80 };
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
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix> { ReferenceAssemblies = TestReferences.AspNetCoreHosting22 };
        test.TestState.Sources.Add(source);
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2301", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("IHostingEnvironment (ASP.NET Core) is obsolete since 3.0; use IWebHostEnvironment. (no automatic fix: T:Microsoft.AspNetCore.Hosting.IWebHostEnvironment is not available in this compilation)"));
        test.FixedState.Sources.Add(source);
        test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2301", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("IHostingEnvironment (ASP.NET Core) is obsolete since 3.0; use IWebHostEnvironment. (no automatic fix: T:Microsoft.AspNetCore.Hosting.IWebHostEnvironment is not available in this compilation)"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Generic_host_IHostingEnvironment_becomes_IHostEnvironment()
    {
        // MIG2302: the generic host's own IHostingEnvironment (Microsoft.Extensions.Hosting), not the ASP.NET Core one.
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix> { ReferenceAssemblies = TestReferences.AspNetCore80 };
        test.TestState.Sources.Add(("/0/Worker.cs", """
            using Microsoft.Extensions.Hosting;

            namespace Shop.Worker
            {
                public class Settings
                {
                    public Settings({|MIG2302:IHostingEnvironment|} environment) => IsProduction = environment.EnvironmentName == "Production";

                    public bool IsProduction { get; }
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/Worker.cs", """
            using Microsoft.Extensions.Hosting;

            namespace Shop.Worker
            {
                public class Settings
                {
                    public Settings(IHostEnvironment environment) => IsProduction = environment.EnvironmentName == "Production";

                    public bool IsProduction { get; }
                }
            }
            """));
        test.CompilerDiagnostics = CompilerDiagnostics.Errors;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task UseMvc_is_reported_with_guidance_and_gets_no_fix()
    {
        // MIG2305 flags only: moving to UseRouting/UseEndpoints changes the middleware order, which only the author can judge.
        var source = """
            using Microsoft.AspNetCore.Builder;

            namespace Shop.Web
            {
                public class Startup
                {
                    public void Configure(IApplicationBuilder app)
                    {
                        app.UseStaticFiles();
                        app.{|#0:UseMvc|}();
                    }
                }
            }
            """;
        const string message = "UseMvc does not work with endpoint routing (the default since 3.0). Replace it with UseRouting() and UseEndpoints(e => e.MapControllers()) or MapControllerRoute, moving route templates; no automatic fix because middleware order matters.";
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix> { ReferenceAssemblies = TestReferences.AspNetCore80 };
        test.TestState.Sources.Add(source);
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2305", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(message));
        test.FixedState.Sources.Add(source);
        test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2305", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(message));
        test.CompilerDiagnostics = CompilerDiagnostics.Errors;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public void Only_hosting_rules_with_a_rewrite_are_fixable()
        => Assert.DoesNotContain("MIG2305", new RulePackCodeFix().FixableDiagnosticIds);
}
