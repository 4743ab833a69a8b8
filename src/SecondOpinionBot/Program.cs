using SecondOpinionBot.Bot;
using SecondOpinionBot.Channels.DirectLine;
using SecondOpinionBot.Channels.WebChat;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotHost();
builder.AddDirectLine();
builder.AddWebChat();

var app = builder.Build();
app.MapBotEndpoints();
app.MapDirectLine();
app.MapWebChat();
app.MapGet("/healthz", () => "ok");
app.Run();

public partial class Program;
