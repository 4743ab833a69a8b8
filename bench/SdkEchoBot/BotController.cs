using Microsoft.AspNetCore.Mvc;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace SdkEchoBot;

/// <summary>The sample's controller: the adapter reads the request, runs the bot and writes the response.</summary>
[Route("api/messages")]
[ApiController]
public sealed class BotController(IBotFrameworkHttpAdapter adapter, IBot bot) : ControllerBase
{
    [HttpPost]
    [HttpGet]
    public Task PostAsync() => adapter.ProcessAsync(Request, Response, bot);
}
