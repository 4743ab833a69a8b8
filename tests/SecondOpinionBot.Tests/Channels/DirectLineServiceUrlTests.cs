using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Channels.DirectLine;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>The bot's replies must come back to this very server over loopback, whatever address it was bound to.</summary>
public sealed class DirectLineServiceUrlTests
{
    [Theory]
    [InlineData("http://localhost:3978", "http://127.0.0.1:3978/v3/directline/connector/")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/v3/directline/connector/")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/v3/directline/connector/")]
    [InlineData("http://0.0.0.0:5000", "http://127.0.0.1:5000/v3/directline/connector/")]
    [InlineData("http://127.0.0.1:41234", "http://127.0.0.1:41234/v3/directline/connector/")]
    public void RepliesGoToTheServersOwnLoopbackAddress(string bound, string expected)
    {
        Assert.Equal(expected, ServiceUrl(new DirectLineOptions(), bound));
    }

    [Fact]
    public void PlainHttpIsPreferredOverHttpsOnLoopback()
    {
        Assert.Equal("http://127.0.0.1:5000/v3/directline/connector/", ServiceUrl(new DirectLineOptions(), "https://localhost:5001", "http://localhost:5000"));
    }

    [Fact]
    public void AConfiguredConnectorBaseUrlWins()
    {
        var options = new DirectLineOptions { ConnectorBaseUrl = "http://127.0.0.1:9000/" };

        Assert.Equal("http://127.0.0.1:9000/v3/directline/connector/", ServiceUrl(options, "https://bot.hospital.example"));
    }

    [Fact]
    public void APublicAddressIsNeverUsedForReplies()
    {
        Assert.DoesNotContain("hospital.example", ServiceUrl(new DirectLineOptions(), "https://bot.hospital.example"), StringComparison.Ordinal);
    }

    private static string ServiceUrl(DirectLineOptions options, params string[] addresses)
        => new DirectLineServiceUrl(new BoundServer(addresses), Microsoft.Extensions.Options.Options.Create(options)).Value;

    private sealed class BoundServer : IServer
    {
        public BoundServer(string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }

            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
