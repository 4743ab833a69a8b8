using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>The situation in the user's words: the concern, what was proposed, a date if one is set, the clinic, urgency.</summary>
public sealed class SituationDialog : WaterfallDialog
{
    public SituationDialog(string id, JourneyKit kit)
        : base(id)
    {
        AddStep(async (step, ct) =>
        {
            await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.SituationIntro), ct);
            return await step.PromptAsync(PromptIds.Text, kit.Ask(step.TurnContext, MessageKeys.SituationDiagnosis), ct);
        });
        AddStep(async (step, ct) =>
        {
            var concern = kit.IsSkip(step.TurnContext, step.Text()) ? null : await kit.CleanAsync(step.TurnContext, step.Text(), ct);
            var tags = kit.Content(step.TurnContext).DetectSituations(concern);
            await kit.UpdateAsync(step.TurnContext, d => { d.Concern = concern; AddTags(d, tags); }, ct);
            return await step.PromptAsync(PromptIds.Choice, kit.Ask(step.TurnContext, MessageKeys.SituationProposed, kit.Choices(step.TurnContext, ChoiceSetIds.Proposal)), ct);
        });
        AddStep(async (step, ct) =>
        {
            var content = kit.Content(step.TurnContext);
            if (await step.NotKnownIfGaveUpAsync(kit, CaseDetailsFields.Proposed, ct))
            {
                // No guess at what the doctor suggested: "not known" on the case, and no detail question.
                await kit.UpdateAsync(step.TurnContext, d => d.Proposed = null, ct);
                return await step.NextAsync(cancellationToken: ct);
            }

            var proposals = content.Choices(ChoiceSetIds.Proposal);
            var chosen = proposals[step.ChoiceId()!];
            step.Values.Set("proposal", chosen.Label);
            await kit.UpdateAsync(step.TurnContext, d => { d.Proposed = chosen.Label; AddTags(d, chosen.Situations); }, ct);
            return chosen.Situations.Contains(SituationIds.DiagnosisUnclear)
                ? await step.NextAsync(cancellationToken: ct)
                : await step.PromptAsync(PromptIds.Text, kit.Ask(step.TurnContext, MessageKeys.SituationProposedDetail), ct);
        });
        AddStep(async (step, ct) =>
        {
            if (step.Text() is { } text && !kit.IsSkip(step.TurnContext, text))
            {
                var detail = await kit.CleanAsync(step.TurnContext, text, ct);
                var tags = kit.Content(step.TurnContext).DetectSituations(detail);
                await kit.UpdateAsync(step.TurnContext, d => { d.Proposed = $"{step.Values.Get<string>("proposal")}: {detail}"; AddTags(d, tags); }, ct);
            }

            return await step.PromptAsync(PromptIds.DateOrNone, kit.Ask(step.TurnContext, MessageKeys.SituationDateAsk), ct);
        });
        AddStep(async (step, ct) =>
        {
            // "No", "skip" or "not sure" is an answer here: no date is set yet.
            var text = step.Text();
            if (text is null || kit.IsSkip(step.TurnContext, text) || kit.Content(step.TurnContext).Answers.Match(text) == ShortAnswer.NotSure)
            {
                return await step.NextAsync(cancellationToken: ct);
            }

            var found = DateTimeResolver.Resolve(text, step.Language.RecognizerCulture, step.Context.UserNow, null, preferPast: false);
            if (found.Count == 1 && found[0].Kind is "date" or "datetime")
            {
                return await step.NextAsync(found[0], ct);
            }

            // Ambiguous ("Sunday": last or next?): read the coming one back in words rather than say it was not understood.
            if (found.Count > 1 && found[0].Kind is "date" or "datetime")
            {
                step.Values.Set(PendingDateKey, found[0]);
                var inWords = found[0].Start.ToString("D", step.Language.Formatting);
                return await step.PromptAsync(PromptIds.Confirm, kit.AskYesNo(step.TurnContext, MessageKeys.SituationDateReadBack, ("date", inWords)), ct);
            }

            return await AskDateAgainAsync(kit, step, ct);
        });
        AddStep(async (step, ct) =>
        {
            // Back from the read-back: yes keeps the date, no asks for it again; any other result passes through.
            if (step.Values.Get<DateTimeAnswer>(PendingDateKey) is { } pending && step.YesNo() is { } yes)
            {
                step.Values.Remove(PendingDateKey);
                return yes ? await step.NextAsync(pending, ct) : await AskDateAgainAsync(kit, step, ct);
            }

            // The date prompt ran out of tries: no guessed date, "not known" on the case.
            if (await step.NotKnownIfGaveUpAsync(kit, CaseDetailsFields.PlannedDate, ct))
            {
                return await step.NextAsync(cancellationToken: ct);
            }

            return await step.NextAsync(step.Result, ct);
        });
        AddStep(async (step, ct) =>
        {
            var date = step.GaveUp ? null : step.ResultAs<DateTimeAnswer>();
            var planned = date is null ? (DateOnly?)null : DateOnly.FromDateTime(date.Start.DateTime);
            var soon = planned is { } day && kit.Content(step.TurnContext).Routing.IsDateSoon(day, kit.UserToday(step.TurnContext));
            await kit.UpdateAsync(step.TurnContext, d =>
            {
                d.PlannedDate = planned;
                if (planned is not null)
                {
                    d.NotKnown.Remove(CaseDetailsFields.PlannedDate); // a date read back and confirmed is known
                }
                d.Situations.Remove(SituationIds.DateSoon);
                if (soon)
                {
                    AddTags(d, [SituationIds.DateSoon]);
                }
            }, ct);
            if (soon)
            {
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.SituationDateSoon), ct);
            }

            return await AskDoctorAsync(kit, step, ct);
        });
        AddStep(async (step, ct) =>
        {
            var answer = step.Result is System.Text.Json.Nodes.JsonObject form ? Cards.DoctorCard.Read(form) : step.Text();
            var clinic = answer is null || kit.IsSkip(step.TurnContext, answer) ? null : await kit.CleanAsync(step.TurnContext, answer, ct);
            await kit.UpdateAsync(step.TurnContext, d => d.CurrentClinic = clinic, ct);
            return await step.BeginDialogAsync(JourneySections.Urgency, ct);
        });
        AddStep(async (step, ct) =>
        {
            await kit.CompleteSectionAsync(step.TurnContext, JourneySections.Situation, ct);
            return await step.EndDialogAsync(ct);
        });
    }

    private const string PendingDateKey = "pendingDate";

    /// <summary>
    /// The doctor caring for the patient now, an optional step: name, practice and phone as labelled fields where the
    /// channel shows cards, one question in words elsewhere.
    /// </summary>
    private static Task<TurnResult> AskDoctorAsync<T>(JourneyKit kit, WaterfallStepContext<T> step, CancellationToken cancellationToken)
        where T : class, new()
    {
        var turn = step.TurnContext;
        if (!Dialogs.Choices.ChannelCapabilities.SupportsAdaptiveCards(turn.Activity))
        {
            return step.PromptAsync(PromptIds.Text, kit.Ask(turn, MessageKeys.SituationClinicInWords), cancellationToken);
        }

        return step.PromptAsync(PromptIds.DoctorCard, DoctorCardPrompt(kit, turn), cancellationToken);
    }

    /// <summary>The doctor card in the turn's language; built again by <see cref="JourneyPromptRewording"/> after a switch.</summary>
    internal static PromptOptions DoctorCardPrompt(JourneyKit kit, Microsoft.Bot.Builder.ITurnContext turn)
    {
        var wording = new Cards.DoctorCard.Wording(
            kit.Say(turn, MessageKeys.SituationDoctorName), kit.Say(turn, MessageKeys.SituationDoctorPractice),
            kit.Say(turn, MessageKeys.SituationDoctorPhone), kit.Say(turn, MessageKeys.SituationDoctorSave));
        return new PromptOptions
        {
            Prompt = kit.Say(turn, MessageKeys.SituationClinic),
            Card = Cards.DoctorCard.Build(wording),
        };
    }

    // Unclear: the date prompt asks again and reads an ambiguous answer back in words.
    private static Task<TurnResult> AskDateAgainAsync<T>(JourneyKit kit, WaterfallStepContext<T> step, CancellationToken cancellationToken)
        where T : class, new() =>
        step.PromptAsync(PromptIds.Date, new PromptOptions
        {
            Prompt = kit.Say(step.TurnContext, MessageKeys.SituationDateNotUnderstood),
            MaxAttempts = 2,
        }, cancellationToken);

    internal static void AddTags(IntakeDraft draft, IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            if (!draft.Situations.Contains(tag))
            {
                draft.Situations.Add(tag);
            }
        }
    }
}
