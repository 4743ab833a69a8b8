using SecondOpinionBot.Bot;
using SecondOpinionBot.Channels.DirectLine;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotHost();
builder.AddDirectLine();

var app = builder.Build();
app.MapBotEndpoints();
app.MapDirectLine();
app.MapGet("/healthz", () => "ok");
app.Run();

public partial class Program;
