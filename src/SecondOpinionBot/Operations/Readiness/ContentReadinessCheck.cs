using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Content;

namespace SecondOpinionBot.Operations.Readiness;

/// <summary>
/// The content this instance serves was loaded and validated at startup (bad content stops startup, so a running
/// instance always has it). What can still go wrong is the folder on disk: edited since, and either waiting for a
/// restart or broken so that the next restart will fail. That is reported as Degraded with the file and line, not
/// Unhealthy: this instance keeps serving the content it validated, and taking every instance that shares the folder out
/// of the load balancer would turn a typo into an outage.
/// </summary>
public sealed class ContentReadinessCheck(ContentCatalogs loaded, IOptions<ContentOptions> options, IHostEnvironment environment, IEnumerable<IContentCheck> featureChecks) : IHealthCheck
{
    private readonly Lock _gate = new();
    private (string Stamp, HealthCheckResult Result)? _last;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var serving = $"{loaded.Cultures.Count()} language(s) loaded, version {loaded.Default.Version}.";
        string folder;
        string stamp;
        try
        {
            folder = ContentDirectory.Resolve(options.Value.Directory, environment.ContentRootPath);
            stamp = Stamp(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ContentValidationException)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"{serving} The content folder can no longer be read ({ex.GetType().Name}); a restart would fail."));
        }

        lock (_gate)
        {
            // The folder is loaded again only when a file changed since the last probe.
            if (_last is { } last && last.Stamp == stamp)
            {
                return Task.FromResult(last.Result);
            }

            HealthCheckResult result;
            try
            {
                var onDisk = ContentCatalogs.Load(folder, options.Value.DefaultCulture, featureChecks);
                result = onDisk.Default.Version == loaded.Default.Version
                    ? HealthCheckResult.Healthy(serving)
                    : HealthCheckResult.Degraded($"{serving} The content on disk has changed (version {onDisk.Default.Version}) and loads; restart to apply it.");
            }
            catch (ContentValidationException ex)
            {
                // The validator names the file, the line and the problem: content, never patient data.
                result = HealthCheckResult.Degraded($"{serving} The content on disk has changed and does not load, so a restart would fail: {ex.Message}");
            }

            _last = (stamp, result);
            return Task.FromResult(result);
        }
    }

    /// <summary>Names, sizes and write times of the content files: cheap to read on every probe.</summary>
    private static string Stamp(string folder) => string.Join('|', Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(path => new FileInfo(path))
        .Select(file => $"{file.FullName}:{file.Length}:{file.LastWriteTimeUtc.Ticks}"));
}
