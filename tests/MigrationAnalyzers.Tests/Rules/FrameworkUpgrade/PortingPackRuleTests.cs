using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.FrameworkUpgrade;

/// <summary>
/// The porting flags of the framework-upgrade pack (MIG3301-MIG3304): System.Web and WCF code compiled against the real
/// .NET Framework 4.8 reference assemblies, reported when the upgrade target is .NET and silent while it is not.
/// </summary>
public class PortingPackRuleTests
{
    private const string OnlyFrameworkUpgradePack = "is_global = true\nmigration_analyzers.builtin_packs = framework-upgrade\n";

    private static string WithoutMarkup(string source) => Regex.Replace(source, @"\{\|MIG\d+:(.*?)\|\}", "$1");

    private static Task AnalyzeAsync(string? upgradeTarget, string source)
    {
        var test = new CSharpAnalyzerTest<RulePackAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.Net48WebAndWcf };
        test.TestState.AnalyzerConfigFiles.Add(("/.packs.globalconfig", OnlyFrameworkUpgradePack));
        if (upgradeTarget is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\nmigration_analyzers.upgrade_target = " + upgradeTarget + "\n"));
        }

        test.TestState.Sources.Add(("/0/Test0.cs", source));
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Reported when moving to .NET 8; silent for the same code while the project stays on .NET Framework 4.8.</summary>
    private static async Task ReportedWhenMovingToDotNetAsync(string source)
    {
        await AnalyzeAsync("net8.0", source);
        await AnalyzeAsync(null, WithoutMarkup(source));
        await AnalyzeAsync("net48", WithoutMarkup(source));
    }

    [Fact]
    public async Task MIG3301_HttpContext_Current_is_reported_when_moving_to_dotnet()
    {
        var source = """
            using System.Web;

            namespace Legacy.Web
            {
                public static class RequestInfo
                {
                    public static string UserAgent() => {|MIG3301:HttpContext|}.Current.Request.UserAgent;

                    public static bool IsSecure({|MIG3301:HttpContext|} context) => context.Request.IsSecureConnection;
                }
            }
            """;
        await ReportedWhenMovingToDotNetAsync(source);
    }

    [Fact]
    public async Task MIG3302_System_Web_types_are_reported_when_moving_to_dotnet()
    {
        var source = """
            using System;
            using System.Web;
            using System.Web.Caching;
            using System.Web.SessionState;

            namespace Legacy.Web
            {
                public sealed class AuditModule : {|MIG3302:IHttpModule|}
                {
                    public void Init({|MIG3302:HttpApplication|} application) => application.BeginRequest += OnBeginRequest;

                    public void Dispose()
                    {
                    }

                    private static void OnBeginRequest(object sender, EventArgs e)
                    {
                    }
                }

                public static class Pages
                {
                    public static string PathOf({|MIG3302:HttpContextBase|} context) => context.Request.Path;

                    public static string QueryOf({|MIG3302:HttpRequestBase|} request) => request.QueryString["q"];

                    public static void NoCache({|MIG3302:HttpResponse|} response) => response.Cache.SetNoStore();

                    public static string Cookie({|MIG3302:HttpRequest|} request) => request.Cookies["theme"]?.Value;

                    public static void Remember({|MIG3302:HttpResponseBase|} response) => response.Cookies.Add(new {|MIG3302:HttpCookie|}("theme", "dark"));

                    public static object Cached(string key) => {|MIG3302:HttpRuntime|}.Cache[key];

                    public static void Store({|MIG3302:Cache|} cache, string key, object value) => cache.Insert(key, value);

                    public static object User({|MIG3302:HttpSessionState|} session) => session["user"];

                    public static object UserOf({|MIG3302:HttpSessionStateBase|} session) => session["user"];

                    public static string Root({|MIG3302:HttpServerUtility|} server) => server.MapPath("~/");

                    public static HttpContextBase Wrap() => new {|MIG3302:HttpContextWrapper|}(null);
                }

                public sealed class PingHandler : {|MIG3302:IHttpHandler|}
                {
                    public bool IsReusable => true;

                    public void ProcessRequest(HttpContext context)
                    {
                    }
                }
            }
            """;

        // HttpContext itself is MIG3301's; this test is about the other types, so it is allowed here as a diagnostic too.
        source = source.Replace("public void ProcessRequest(HttpContext context)", "public void ProcessRequest({|MIG3301:HttpContext|} context)");
        source = source.Replace("public static HttpContextBase Wrap()", "public static {|MIG3302:HttpContextBase|} Wrap()");
        await ReportedWhenMovingToDotNetAsync(source);
    }

    [Fact]
    public async Task MIG3303_and_MIG3304_WCF_client_and_host_are_reported_when_moving_to_dotnet()
    {
        var source = """
            using System;
            using System.ServiceModel;
            using System.ServiceModel.Channels;

            namespace Legacy.Services
            {
                [ServiceContract]
                public interface IOrders
                {
                    [OperationContract]
                    int Count();
                }

                public sealed class OrdersService : IOrders
                {
                    public int Count() => 0;
                }

                public sealed class OrdersClient : {|MIG3303:ClientBase<IOrders>|}, IOrders
                {
                    public OrdersClient(Binding binding, EndpointAddress address) : base(binding, address)
                    {
                    }

                    public int Count() => Channel.Count();
                }

                public static class Clients
                {
                    public static IOrders Create(Uri address)
                        => new {|MIG3303:ChannelFactory<IOrders>|}(new BasicHttpBinding(), new EndpointAddress(address)).CreateChannel();
                }

                public static class Hosting
                {
                    public static {|MIG3304:ServiceHost|} Start() => new {|MIG3304:ServiceHost|}(typeof(OrdersService));
                }
            }
            """;
        await ReportedWhenMovingToDotNetAsync(source);
    }
}
