using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Dialogs.Choices;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>Small readers for prompt results, so steps read as the conversation does.</summary>
public static class JourneyStep
{
    public static string? ChoiceId<T>(this WaterfallStepContext<T> step) where T : class, new() =>
        step.ResultAs<FoundChoice>()?.Value;

    public static IReadOnlyList<string> ChoiceIds<T>(this WaterfallStepContext<T> step) where T : class, new() =>
        step.ResultAs<List<FoundChoice>>()?.Select(c => c.Value).ToList() ?? [];

    public static string? Text<T>(this WaterfallStepContext<T> step) where T : class, new() =>
        step.Result is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool? YesNo<T>(this WaterfallStepContext<T> step) where T : class, new() =>
        step.Result is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<bool>(out var answer) ? answer : null;

    /// <summary>A section that stops the journey (e.g. the patient does not agree) ends with this.</summary>
    public const string Stop = "stop";

    public static bool Stopped<T>(this WaterfallStepContext<T> step) where T : class, new() => step.Text() == Stop;

    /// <summary>
    /// After the prompt ran out of attempts on an answer the case needs: no silent guess. Say so, record the field as
    /// not known (the case then needs a call, shown to staff), and offer a person. True when the prompt gave up.
    /// An answer understood this time (e.g. after "Change something" on the summary) makes the field known again,
    /// unless <paramref name="oneOfMany"/> (one record of several: another may still be not known).
    /// </summary>
    public static async Task<bool> NotKnownIfGaveUpAsync<T>(this WaterfallStepContext<T> step, JourneyKit kit, string field, CancellationToken cancellationToken, bool oneOfMany = false) where T : class, new()
    {
        if (!step.GaveUp)
        {
            if (!oneOfMany && (await kit.DraftAsync(step.TurnContext, cancellationToken)).NotKnown.Contains(field))
            {
                await kit.UpdateAsync(step.TurnContext, d => d.NotKnown.Remove(field), cancellationToken);
            }

            return false;
        }

        await step.SendAsync(kit.Say(step.TurnContext, Content.MessageKeys.ErrorsNotKnown), cancellationToken);
        await kit.UpdateAsync(step.TurnContext, d =>
        {
            if (!d.NotKnown.Contains(field))
            {
                d.NotKnown.Add(field);
            }
        }, cancellationToken);
        return true;
    }

    /// <summary>
    /// After the prompt ran out of attempts where nothing is guessed (consent: nothing is saved): say so kindly and
    /// that a person is one phrase away.
    /// </summary>
    public static async Task MoveOnIfGaveUpAsync<T>(this WaterfallStepContext<T> step, JourneyKit kit, CancellationToken cancellationToken) where T : class, new()
    {
        if (step.GaveUp)
        {
            await step.SendAsync(kit.Say(step.TurnContext, Content.MessageKeys.ErrorsTooManyTries), cancellationToken);
        }
    }
}
