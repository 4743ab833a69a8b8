using SecondOpinionBot.Bot;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotHost();

var app = builder.Build();
app.MapBotEndpoints();
app.MapGet("/healthz", () => "ok");
app.Run();

public partial class Program;
