using SecondOpinionBot.Bot;
using SecondOpinionBot.Channels.DirectLine;
using SecondOpinionBot.Channels.WebChat;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Operations;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Safety;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Staff.LocalStaff;
using SecondOpinionBot.Storage;

if (args is ["report", ..])
{
    return await SecondOpinionBot.Operations.Funnel.FunnelReportCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddGenericErrors();
builder.AddContent();
builder.AddSafety();
builder.AddBotStorage();
builder.AddOperations();
builder.AddCases();
builder.AddPrepSheets();
builder.AddPrivacy();
builder.AddHandoff();
builder.AddStaff();
builder.AddPatientJourney();
builder.AddBotHost();
builder.AddDirectLine();
builder.AddWebChat();
builder.AddLocalStaffPage();

var app = builder.Build();
app.UseGenericErrors();
app.MapBotEndpoints();
app.MapDirectLine();
app.MapWebChat();
app.MapPublicPages();
app.MapLocalStaffPage();
app.MapPrepSheets();
app.MapOperations(); // Last: its rate limiter runs after CORS, so a limited browser can read the 429.
await app.RunAsync();
return 0;

public partial class Program;
