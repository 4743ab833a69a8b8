using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Dialogs.Language;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs.Runner;
using SecondOpinionBot.Dialogs.State;
using SecondOpinionBot.Intake.Flows;

namespace SecondOpinionBot.Intake;

public static class IntakeExtensions
{
    /// <summary>The patient journey: its dialogs, the runner that drives them, and the interruptions around them.</summary>
    public static WebApplicationBuilder AddPatientJourney(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<JourneyKit>();
        services.AddSingleton<PatientLanguage>();
        services.AddSingleton<JourneyPromptRewording>();
        services.AddSingleton<Privacy.IPersonalDataParticipant, BotStateDataParticipant>();
        services.AddSingleton<CaseSubmission>();
        services.AddSingleton<OpenCaseRouter>();
        services.AddSingleton<CaseStatusReply>();
        services.AddSingleton<EmergencyPause>();
        services.AddSingleton<AsideHandler>();
        services.AddSingleton<IInterruptionHandler, JourneyInterruptions>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<JourneyDialogs>(sp).Build());
        services.AddSingleton(sp => new DialogRunner(
            sp.GetRequiredService<DialogSet>(),
            sp.GetRequiredService<DialogStackStore>(),
            sp.GetRequiredService<LexiconSet>(),
            new DialogRunnerOptions { RootDialogId = IntakeDialog.Id, FlowVersion = sp.GetRequiredService<ContentCatalogs>().Default.Version },
            sp.GetServices<IInterruptionRecognizer>(),
            sp.GetRequiredService<IInterruptionHandler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DialogRunner>>(),
            sp.GetRequiredService<JourneyPromptRewording>()));
        services.AddSingleton<PatientJourney>();
        return builder;
    }
}

/// <summary>Every dialog of the journey; each section also has an "edit-…" guard for the summary's Edit buttons.</summary>
internal sealed class JourneyDialogs(IServiceProvider services, JourneyKit kit)
{
    public DialogSet Build()
    {
        var set = new DialogSet()
            .Add(new TextPrompt(PromptIds.Text))
            .Add(new TextPrompt(PromptIds.DateOrNone))
            .Add(new CardFormPrompt(PromptIds.RecordsCard, typed: RecordsDialog.OneByOneFromText(kit)))
            .Add(new CardFormPrompt(PromptIds.DoctorCard, typed: (_, text) => Cards.DoctorCard.FromText(text)))
            .Add(new ChoicePrompt(PromptIds.Choice))
            .Add(new MultiChoicePrompt(PromptIds.MultiChoice))
            .Add(new ConfirmPrompt(PromptIds.Confirm))
            .Add(new DateTimePrompt(PromptIds.Date))
            .Add(new PhoneNumberPrompt(PromptIds.Phone))
            .Add(new EmailPrompt(PromptIds.Email))
            .Add(ActivatorUtilities.CreateInstance<IntakeDialog>(services))
            .Add(new ReasonsTourDialog(kit))
            .Add(new ReasonsWrapUpDialog(kit))
            .Add(new OwnQuestionsDialog(kit))
            .Add(ActivatorUtilities.CreateInstance<SummaryDialog>(services))
            .Add(ActivatorUtilities.CreateInstance<ConfirmCancelDialog>(services))
            .Add(ActivatorUtilities.CreateInstance<CaseClosedDialog>(services))
            .Add(ActivatorUtilities.CreateInstance<ConfirmDeleteDialog>(services))
            .Add(ActivatorUtilities.CreateInstance<TalkToPersonDialog>(services));
        AddSection(set, JourneySections.Role, id => new RoleDialog(id, kit));
        AddSection(set, JourneySections.Situation, id => new SituationDialog(id, kit));
        AddSection(set, JourneySections.Urgency, id => new UrgencyDialog(id, kit));
        AddSection(set, JourneySections.Reasons, id => new ReasonsDialog(id, kit));
        AddSection(set, JourneySections.Questions, id => new QuestionsDialog(id, kit));
        AddSection(set, JourneySections.Records, id => new RecordsDialog(id, kit));
        AddSection(set, JourneySections.Needs, id => new NeedsDialog(id, kit));
        AddSection(set, JourneySections.Contact, id => new ContactDialog(id, kit));
        return set;
    }

    private void AddSection(DialogSet set, string section, Func<string, Dialog> create)
    {
        set.Add(create(section));
        set.Add(new EditSectionDialog(section, kit));
    }
}
