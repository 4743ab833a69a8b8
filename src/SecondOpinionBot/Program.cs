using SecondOpinionBot.Bot;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotStorage();
builder.AddCases();
builder.AddBotHost();

var app = builder.Build();
app.MapBotEndpoints();
app.Run();

public partial class Program;
