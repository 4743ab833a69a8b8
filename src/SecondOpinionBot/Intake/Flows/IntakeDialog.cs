using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>
/// The root of the patient journey. It resumes from the user's draft: welcome and consent, then each section not yet
/// answered, then the summary. A returning user chooses to pick up where they left off or start over.
/// </summary>
public sealed class IntakeDialog : WaterfallDialog<IntakeDialog.Start>
{
    public new const string Id = "intake";

    public IntakeDialog(JourneyKit kit, CaseStatusReply status, EmergencyPause emergency, IJourneyRecorder journeys, OpenCaseRouter router)
        : base(Id)
    {
        AddStep(async (step, ct) =>
        {
            var draft = await kit.DraftAsync(step.TurnContext, ct);
            if (draft.CaseReference is not null && await router.LatestCaseAsync(step.TurnContext, ct) is { } latest)
            {
                if (Handoff.CaseTransitions.IsOpen(latest.Status))
                {
                    // After the handoff the patient's words go to their case, never to a new intake.
                    await router.ShowUndeliveredAsync(step.TurnContext, ct);
                    if (!await router.TryRouteAsync(step.TurnContext, latest, ct))
                    {
                        await step.SendAsync(await status.DescribeAsync(step.TurnContext, ct), ct);
                    }

                    return await step.EndDialogAsync(ct);
                }

                if (latest.Status == Handoff.CaseStatus.Resolved && latest.PatientConversation is not null)
                {
                    await router.ShowUndeliveredAsync(step.TurnContext, ct);
                    return await step.ReplaceDialogAsync(CaseClosedDialog.Id, ct);
                }
            }

            if (draft.CaseReference is not null)
            {

                // The last case is closed: a new journey starts with a clean draft.
                await kit.UpdateAsync(step.TurnContext, d => Reset(d), ct);
                return await step.NextAsync(cancellationToken: ct);
            }

            return draft.ConsentToStore == true && draft.CompletedSections.Count > 0 && !step.Options.Continuing
                ? await step.PromptAsync(PromptIds.Choice, kit.Ask(step.TurnContext, MessageKeys.WelcomeReturning, kit.ChoicesWithLanguages(step.TurnContext, ChoiceSetIds.Resume)), ct)
                : await step.NextAsync(cancellationToken: ct);
        });
        AddStep(async (step, ct) =>
        {
            switch (step.ChoiceId())
            {
                case "start-over":
                    await kit.UpdateAsync(step.TurnContext, d => Reset(d), ct);
                    await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.WelcomeStartedOver), ct);
                    break;
                case "continue":
                    await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.WelcomeResumed), ct);
                    break;
            }

            var draft = await kit.DraftAsync(step.TurnContext, ct);
            if (draft.ConsentToStore == true)
            {
                return await step.NextAsync(cancellationToken: ct);
            }

            var turn = step.TurnContext;
            await journeys.ReachedAsync(turn, JourneySteps.Welcome, ct);
            await step.SendAsync(string.Join("\n\n",
                kit.Say(turn, MessageKeys.WelcomeIntro),
                kit.Say(turn, MessageKeys.WelcomeWhatIDo, ("minutes", JourneyEstimate.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                kit.Say(turn, MessageKeys.WelcomeWhatIDoNot, ("emergencyNumber", kit.EmergencyNumber)),
                kit.Say(turn, MessageKeys.WelcomeWhoSees)), ct);
            return await step.PromptAsync(PromptIds.Choice, kit.Ask(turn, MessageKeys.WelcomeConsentAsk, kit.ChoicesWithLanguages(turn, ChoiceSetIds.Consent)), ct);
        });
        AddStep(async (step, ct) =>
        {
            if (step.GaveUp)
            {
                // No clear yes after several tries: nothing is saved, as for a no.
                await journeys.FinishedAsync(step.TurnContext, JourneyOutcomes.Declined, ct);
                await step.MoveOnIfGaveUpAsync(kit, ct);
                return await step.ReplaceDialogAsync(ReasonsTourDialog.Id, ct);
            }

            switch (step.ChoiceId())
            {
                case "yes":
                    // An emergency told before the user agreed was not saved then; the case must still be urgent.
                    var emergencyEarlier = await emergency.FiredInConversationAsync(step.TurnContext, ct);
                    await kit.UpdateAsync(step.TurnContext, d => { d.ConsentToStore = true; d.EmergencySignalled |= emergencyEarlier; }, ct);
                    await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.WelcomeConsentYes), ct);
                    break;
                case "no":
                    // Nothing is saved for this user; they can still read the four reasons.
                    await journeys.FinishedAsync(step.TurnContext, JourneyOutcomes.Declined, ct);
                    await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.WelcomeConsentNo), ct);
                    return await step.ReplaceDialogAsync(ReasonsTourDialog.Id, ct);
            }

            return await step.NextAsync(cancellationToken: ct);
        });
        foreach (var section in JourneySections.InOrder)
        {
            AddStep(async (step, ct) =>
            {
                if (step.Stopped())
                {
                    // The journey cannot go on (the patient does not agree): the four reasons are still there to read.
                    await journeys.FinishedAsync(step.TurnContext, JourneyOutcomes.Stopped, ct);
                    return await step.ReplaceDialogAsync(ReasonsTourDialog.Id, ct);
                }

                var draft = await kit.DraftAsync(step.TurnContext, ct);
                if (draft.CompletedSections.Contains(section))
                {
                    return await step.NextAsync(cancellationToken: ct);
                }

                await journeys.ReachedAsync(step.TurnContext, section, ct);
                return await step.BeginDialogAsync(section, ct);
            });
        }

        AddStep(async (step, ct) =>
        {
            if (step.Stopped())
            {
                await journeys.FinishedAsync(step.TurnContext, JourneyOutcomes.Stopped, ct);
                return await step.ReplaceDialogAsync(ReasonsTourDialog.Id, ct);
            }

            await journeys.ReachedAsync(step.TurnContext, JourneySteps.Summary, ct);
            return await step.BeginDialogAsync(SummaryDialog.Id, ct);
        });
    }

    /// <summary>
    /// Clears every answer but keeps the consent already given, and an emergency told since the last case: starting
    /// over must not make the next case routine. After a case, a new journey starts without it.
    /// </summary>
    internal static void Reset(IntakeDraft draft)
    {
        var fresh = new IntakeDraft
        {
            ConsentToStore = draft.ConsentToStore,
            Revision = draft.Revision,
            EmergencySignalled = draft.EmergencySignalled && draft.CaseReference is null,
            Language = draft.Language,
        };
        foreach (var property in typeof(IntakeDraft).GetProperties().Where(p => p.CanWrite))
        {
            property.SetValue(draft, property.GetValue(fresh));
        }
    }

    /// <summary>How the journey is (re)started.</summary>
    public sealed class Start
    {
        /// <summary>Carry straight on (e.g. after "talk to a person"), without asking a returning user first.</summary>
        public bool Continuing { get; set; }
    }
}
