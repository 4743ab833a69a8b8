using SecondOpinionBot.Dialogs.Prompts;

namespace SecondOpinionBot.Dialogs.Tests.TestSupport;

/// <summary>A root dialog that asks one prompt and echoes what the flow received: "Got {json}" or "Gave up".</summary>
internal static class AskOnce
{
    public const string GaveUp = "Gave up";

    public static TestBot Bot(string promptId, PromptOptions options, Action<DialogSet>? addDialogs = null)
        => new(Dialog(promptId, options), addDialogs: addDialogs);

    public static Dialog Dialog(string promptId, PromptOptions options) => new WaterfallDialog("ask")
        .AddStep((step, ct) => step.PromptAsync(promptId, options, ct))
        .AddStep(async (step, ct) =>
        {
            await step.SendAsync(step.GaveUp ? GaveUp : $"Got {step.Result?.ToJsonString()}", ct);
            return await step.EndDialogAsync(ct);
        });
}
