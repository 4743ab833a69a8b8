using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace SecondOpinionBot.Bot;

/// <summary>
/// The one CloudAdapter of the host. A single constructor so DI can build it (CloudAdapter itself has two).
/// </summary>
public sealed class BotAdapter : CloudAdapter
{
    public BotAdapter(BotFrameworkAuthentication auth, ILogger<BotAdapter> logger, TurnErrorHandler errorHandler)
        : base(auth, logger)
    {
        OnTurnError = errorHandler.HandleAsync;
    }
}
