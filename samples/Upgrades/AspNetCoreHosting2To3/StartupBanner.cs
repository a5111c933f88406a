using Microsoft.AspNetCore.Hosting;

namespace AspNetCoreHosting2To3;

/// <summary>Logs where the app runs and stops it on request, as a 2.x app's services did.</summary>
public sealed class StartupBanner(IHostingEnvironment environment, IApplicationLifetime lifetime)
{
    public string Describe() =>
        environment.IsDevelopment() ? $"{environment.ApplicationName} (development)" : environment.ApplicationName;

    public bool IsStaging => environment.EnvironmentName == EnvironmentName.Staging;

    public void Stop() => lifetime.StopApplication();
}
