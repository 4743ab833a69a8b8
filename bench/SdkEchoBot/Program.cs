using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using SdkEchoBot;

// As the sample's Startup: controllers with Newtonsoft JSON, the SDK's configuration-based authentication, one
// CloudAdapter with an error handler, the bot as a transient. The sample's Program adds console and debug logging.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddDebug();
builder.Services.AddHttpClient().AddControllers().AddNewtonsoftJson(options =>
    options.SerializerSettings.MaxDepth = HttpHelper.BotMessageSerializerSettings.MaxDepth);
builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
builder.Services.AddSingleton<IBotFrameworkHttpAdapter, AdapterWithErrorHandler>();
builder.Services.AddTransient<IBot, EchoBot>();

var app = builder.Build();
app.UseDefaultFiles().UseStaticFiles().UseWebSockets().UseRouting();
app.MapControllers();
app.MapGet("/healthz", () => "ok");
await app.RunAsync();
