using System.Globalization;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs.Choices;

namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>
/// A date, time or range ("next Tuesday at 3pm", "in two weeks", "12/3"), resolved in the user's own time zone. An
/// ambiguous answer ("12/3", "Tuesday", "3pm") is read back in words and needs a yes before it is accepted.
/// </summary>
public sealed class DateTimePrompt(string id, PromptValidator<DateTimeAnswer>? validator = null) : Prompt<DateTimeAnswer>(id, validator)
{
    private const string PendingKey = "pending";

    protected override PromptRecognition<DateTimeAnswer> Recognize(DialogContext dc, PromptOptions options)
    {
        var values = new StepValues(dc.Frame.Values);
        if (values.Get<DateTimeAnswer>(PendingKey) is { } pending)
        {
            values.Remove(PendingKey);
            switch (YesNo.Recognize(dc.Input.Answer, dc.Language.Lexicon))
            {
                case true:
                    return PromptRecognition.Success<DateTimeAnswer>(pending);
                case false:
                    return PromptRecognition.Failed<DateTimeAnswer>();
            }

            // Neither yes nor no: the user may have typed a clearer date instead.
        }

        if (dc.Input.Answer is not { } answer)
        {
            return PromptRecognition.Failed<DateTimeAnswer>();
        }

        var candidates = DateTimeResolver.Resolve(answer, dc.Language.RecognizerCulture, dc.UserNow, UserTimeZone(dc), options.PreferPastDates);
        if (candidates.Count == 0)
        {
            return PromptRecognition.Failed<DateTimeAnswer>();
        }

        var best = candidates[0];
        if (candidates.Count == 1 && best.Kind != "time")
        {
            return PromptRecognition.Success<DateTimeAnswer>(best);
        }

        values.Set(PendingKey, best);
        var inWords = best.Start.ToString(best.HasTime ? "f" : "D", dc.Language.Formatting);
        return PromptRecognition.AskFirst<DateTimeAnswer>(string.Format(dc.Language.Formatting, dc.Language.Lexicon.DateReadBack, inWords));
    }

    protected override void OnFailedAttempt(DialogFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        frame.Values.Remove(PendingKey);
    }

    /// <summary>After help or a stale card, ask for the date afresh rather than repeat a read-back out of context.</summary>
    public override Task RepromptDialogAsync(DialogContext dc, DialogFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        frame.Values.Remove(PendingKey);
        return base.RepromptDialogAsync(dc, frame, cancellationToken);
    }

    protected override IMessageActivity Render(DialogContext dc, PromptOptions options, string text)
        => new StepValues(dc.Frame.Values).Contains(PendingKey)
            ? ChoiceRenderer.Render(dc, text, YesNo.Choices(dc.Language.Lexicon), multiSelect: false, ListStyle.Auto)
            : base.Render(dc, options, text);

    private static TimeZoneInfo? UserTimeZone(DialogContext dc)
    {
        if (dc.TurnContext.Activity.LocalTimezone is not { Length: > 0 } zone)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
