using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace SecondOpinionBot.Channels;

/// <summary>
/// A turn's view of a connector client that other turns use too (<see cref="ConnectorClientCache"/>): everything is the
/// shared client's, except that disposing it (the SDK does at the end of every turn) does nothing, and its address
/// cannot be changed. Deliberately not a ConnectorClient itself: TeamsInfo builds a TeamsConnectorClient on the HttpClient
/// of any ConnectorClient it is given, which adds User-Agent headers to that HttpClient, and headers must not change
/// on an HttpClient other turns are sending on; given this view it makes a client of its own, as it did before.
/// </summary>
public sealed class SharedConnectorClient(ConnectorClient shared) : IConnectorClient
{
    public Uri BaseUri
    {
        get => shared.BaseUri;
        set => throw new NotSupportedException("A shared connector client always sends to the serviceUrl it was made for.");
    }

    public JsonSerializerSettings SerializationSettings => shared.SerializationSettings;

    public JsonSerializerSettings DeserializationSettings => shared.DeserializationSettings;

    public ServiceClientCredentials Credentials => shared.Credentials;

    public IAttachments Attachments => shared.Attachments;

    public IConversations Conversations => shared.Conversations;

    /// <summary>Nothing: other turns use the client; it is left to the GC when it leaves the cache.</summary>
    public void Dispose()
    {
    }
}
