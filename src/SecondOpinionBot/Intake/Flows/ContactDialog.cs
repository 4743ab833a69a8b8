using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>How and when the team should get in touch: channels, a checked phone number and email, good times.</summary>
public sealed class ContactDialog : WaterfallDialog
{
    public ContactDialog(string id, JourneyKit kit)
        : base(id)
    {
        AddStep((step, ct) =>
        {
            // Offer the chat the user is in (Teams or web chat), plus phone and email.
            var isTeams = step.TurnContext.Activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams;
            var methods = kit.Choices(step.TurnContext, ChoiceSetIds.ContactMethod)
                .Where(c => c.Value is "phone" or "email" || (c.Value == "teams") == isTeams)
                .ToList();
            return step.PromptAsync(PromptIds.MultiChoice, kit.Ask(step.TurnContext, MessageKeys.ContactMethodAsk, methods), ct);
        });
        AddStep(async (step, ct) =>
        {
            await step.NotKnownIfGaveUpAsync(kit, CaseDetailsFields.ContactMethods, ct);
            var methods = step.ChoiceIds().ToList();
            await kit.UpdateAsync(step.TurnContext, d => d.ContactMethods = methods, ct);
            return methods.Contains("phone")
                ? await step.PromptAsync(PromptIds.Phone, kit.Ask(step.TurnContext, MessageKeys.ContactPhoneAsk, retry: MessageKeys.ContactPhoneInvalid), ct)
                : await step.NextAsync(cancellationToken: ct);
        });
        AddStep(async (step, ct) =>
        {
            // A number that could not be read after the retries is dropped with its method, so nobody waits for a call.
            await step.NotKnownIfGaveUpAsync(kit, CaseDetailsFields.Phone, ct);

            var draft = await kit.UpdateAsync(step.TurnContext, d =>
            {
                d.Phone = d.ContactMethods.Contains("phone") && !step.GaveUp ? step.Text() : null;
                if (d.Phone is null)
                {
                    d.ContactMethods.Remove("phone");
                }
            }, ct);
            return draft.ContactMethods.Contains("email")
                ? await step.PromptAsync(PromptIds.Email, kit.Ask(step.TurnContext, MessageKeys.ContactEmailAsk, retry: MessageKeys.ContactEmailInvalid), ct)
                : await step.NextAsync(cancellationToken: ct);
        });
        AddStep(async (step, ct) =>
        {
            await step.NotKnownIfGaveUpAsync(kit, CaseDetailsFields.Email, ct);
            await kit.UpdateAsync(step.TurnContext, d =>
            {
                d.Email = d.ContactMethods.Contains("email") && !step.GaveUp ? step.Text() : null;
                if (d.Email is null)
                {
                    d.ContactMethods.Remove("email");
                }
            }, ct);
            return await step.PromptAsync(PromptIds.Text, kit.Ask(step.TurnContext, MessageKeys.ContactTimesAsk, kit.Choices(step.TurnContext, ChoiceSetIds.ContactTimes)), ct);
        });
        AddStep(async (step, ct) =>
        {
            var text = await kit.CleanAsync(step.TurnContext, step.Text(), ct);
            if (text is null || kit.IsSkip(step.TurnContext, text))
            {
                return await step.NextAsync(cancellationToken: ct);
            }

            step.Values.Set("times", text);

            // "any time" is what the hint itself suggests, and a tapped button says exactly what it means: kept, no read-back.
            if (kit.Content(step.TurnContext).Answers.Match(text) == ShortAnswer.AnyTime
                || Dialogs.Choices.ChoiceRecognizer.RecognizeExact(text, kit.Choices(step.TurnContext, ChoiceSetIds.ContactTimes), step.Language.RecognizerCulture, step.Language.Lexicon.Normalizer) is not null)
            {
                return await step.NextAsync(cancellationToken: ct);
            }

            if (ContactTimes.Understand(text, step.Language.RecognizerCulture) is { } understood)
            {
                return await step.PromptAsync(PromptIds.Confirm, kit.AskYesNo(step.TurnContext, MessageKeys.ContactTimesReadBack, ("times", understood)), ct);
            }

            // Not understood ("whenever the kids are at school"): say so, and take the next answer as it is written.
            await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.ContactTimesNotUnderstood), ct);
            return await step.PromptAsync(PromptIds.Text, kit.Ask(step.TurnContext, MessageKeys.ContactTimesAsk, kit.Choices(step.TurnContext, ChoiceSetIds.ContactTimes)), ct);
        });
        AddStep(async (step, ct) =>
        {
            // "No" to the read-back: ask once more and keep that answer as written.
            return step.YesNo() == false
                ? await step.PromptAsync(PromptIds.Text, kit.Ask(step.TurnContext, MessageKeys.ContactTimesAsk, kit.Choices(step.TurnContext, ChoiceSetIds.ContactTimes)), ct)
                : await step.NextAsync(step.Result, ct);
        });
        AddStep(async (step, ct) =>
        {
            var times = step.Result switch
            {
                null => step.Values.Get<string>("times"),
                _ when step.YesNo() == true => step.Values.Get<string>("times"),
                _ => await kit.CleanAsync(step.TurnContext, step.Text(), ct),
            };
            // "yes", "no" or "not sure" is never stored as a time.
            var shortAnswer = kit.Content(step.TurnContext).Answers.Match(times);
            var keep = times is not null && shortAnswer is null or ShortAnswer.AnyTime;
            await kit.UpdateAsync(step.TurnContext, d => d.ContactTimes = keep ? times : null, ct);
            await kit.CompleteSectionAsync(step.TurnContext, JourneySections.Contact, ct);
            return await step.EndDialogAsync(ct);
        });
    }
}
