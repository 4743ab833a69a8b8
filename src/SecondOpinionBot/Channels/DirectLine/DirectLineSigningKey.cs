using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>The HMAC key for tokens: from configuration, else generated once and kept in the database so tokens survive a restart.</summary>
public sealed class DirectLineSigningKey(IDirectLineStore store, IOptions<DirectLineOptions> options)
{
    private readonly Lazy<Task<byte[]>> _key = new(() => LoadAsync(store, options.Value));

    public Task<byte[]> GetAsync(CancellationToken cancellationToken) => _key.Value.WaitAsync(cancellationToken);

    private static async Task<byte[]> LoadAsync(IDirectLineStore store, DirectLineOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TokenSigningKey))
        {
            var configured = Convert.FromBase64String(options.TokenSigningKey);
            return configured.Length >= 32
                ? configured
                : throw new InvalidOperationException("DirectLine:TokenSigningKey must be at least 32 bytes (base64).");
        }

        return await store.GetOrCreateSigningKeyAsync(CancellationToken.None);
    }
}
