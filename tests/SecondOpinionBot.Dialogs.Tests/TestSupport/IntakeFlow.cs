using Microsoft.Bot.Builder;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs.State;

namespace SecondOpinionBot.Dialogs.Tests.TestSupport;

internal sealed class IntakeDraft
{
    public string? Name { get; set; }

    public double? Age { get; set; }
}

/// <summary>A two-question flow that keeps its answers in the user's draft and skips what the draft already has.</summary>
internal static class IntakeFlow
{
    public const string Id = "intake";
    public const string AskName = "What is your name?";
    public const string AskAge = "How old are you?";
    public const string AgeRetry = "Please give your age as a number.";
    public const string GaveUpText = "Let me find a person to help you.";

    public static DraftAccessor<IntakeDraft> Draft(IStateStorage storage) => new(storage, "intakeDraft");

    public static Dialog Create(IStateStorage storage, string id = Id, int steps = 3)
    {
        var draft = Draft(storage);
        var dialog = new WaterfallDialog(id)
            .AddStep(async (step, ct) =>
            {
                var saved = await draft.GetAsync(step.TurnContext, ct);
                return saved.Name is null
                    ? await step.PromptAsync(TestBot.TextId, new PromptOptions { Prompt = AskName }, ct)
                    : await step.NextAsync(saved.Name, ct);
            })
            .AddStep(async (step, ct) =>
            {
                var name = step.ResultAs<string>();
                var saved = await draft.UpdateAsync(step.TurnContext, d => d.Name = name, ct);
                return saved.Age is null
                    ? await step.PromptAsync(TestBot.NumberId, new PromptOptions { Prompt = AskAge, RetryPrompt = AgeRetry }, ct)
                    : await step.NextAsync(saved.Age, ct);
            })
            .AddStep(async (step, ct) =>
            {
                if (step.GaveUp)
                {
                    await step.SendAsync(GaveUpText, ct);
                    return await step.EndDialogAsync(ct);
                }

                var age = step.ResultAs<double>();
                var saved = await draft.UpdateAsync(step.TurnContext, d => d.Age = age, ct);
                await step.SendAsync($"Thanks {saved.Name}, age {saved.Age}.", ct);
                return await step.EndDialogAsync(saved, ct);
            });

        // Tests that simulate a changed flow add a step, which changes the waterfall's version.
        for (var i = 3; i < steps; i++)
        {
            dialog.AddStep((step, ct) => step.NextAsync(step.Result, ct));
        }

        return dialog;
    }
}
