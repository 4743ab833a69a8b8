using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json.Serialization;

namespace SecondOpinionBot.Channels;

/// <summary>
/// The SDK makes a new ConnectorClient for every turn, and each new client builds two new Newtonsoft contract
/// resolvers. A resolver caches what it learns about a type, so a fresh one reflects over Activity and its ~60
/// properties again and compiles new getters for every reply (and the finalizer later frees those dynamic methods).
/// Profiled on the load benchmark's echo turn, that was about half of the host's CPU (README, Benchmarks). The clients
/// here get resolvers of the same type with the same (default) settings, shared by all of them: Newtonsoft's
/// resolvers are thread-safe and meant to be shared. The client itself, its credentials and its HTTP client stay the
/// SDK's, made by the SDK's factory; with a <see cref="ConnectorClientCache"/> one is made per app id, audience and
/// serviceUrl and reused by later turns (that class says why that is safe).
/// </summary>
public sealed class SharedContractsConnectorFactory(ConnectorFactory inner, ConnectorClientCache? clients = null, string? appId = null) : ConnectorFactory
{
    private static readonly Shared Serialization = new();
    private static readonly Shared Deserialization = new();

    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        => clients is null
            ? CreateSharingContractsAsync(serviceUrl, audience, cancellationToken)
            : clients.GetAsync(appId, audience, serviceUrl, () => CreateSharingContractsAsync(serviceUrl, audience, cancellationToken));

    private async Task<IConnectorClient> CreateSharingContractsAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken);
        if (client is ConnectorClient connector)
        {
            ShareContracts(connector);
        }

        return client;
    }

    /// <summary>Points a new client at the shared resolvers, where it has one of the SDK's own default kinds.</summary>
    public static ConnectorClient ShareContracts(ConnectorClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.SerializationSettings.ContractResolver = Serialization.For(client.SerializationSettings.ContractResolver);
        client.DeserializationSettings.ContractResolver = Deserialization.For(client.DeserializationSettings.ContractResolver);
        return client;
    }

    /// <summary>One shared resolver per default kind (4.23.1 uses DefaultContractResolver, later versions Microsoft.Rest's).</summary>
    private sealed class Shared
    {
        private readonly DefaultContractResolver _default = new();
        private readonly ReadOnlyJsonContractResolver _readOnly = new();

        public IContractResolver? For(IContractResolver? made) => made?.GetType() switch
        {
            { } type when type == typeof(DefaultContractResolver) => _default,
            { } type when type == typeof(ReadOnlyJsonContractResolver) => _readOnly,
            _ => made, // someone's own resolver: leave it
        };
    }
}
