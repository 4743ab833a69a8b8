using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>Who is chatting: the patient, or a caregiver (then the patient's first name, relationship and agreement).</summary>
public sealed class RoleDialog : WaterfallDialog
{
    private const int MaxNameLength = 40;

    public RoleDialog(string id, JourneyKit kit)
        : base(id)
    {
        AddStep((step, ct) => step.PromptAsync(PromptIds.Choice, kit.Ask(step.TurnContext, MessageKeys.RoleAsk, kit.Choices(step.TurnContext, ChoiceSetIds.Role)), ct));
        AddStep(async (step, ct) =>
        {
            // Not understood: who is chatting stays not known (no caregiver questions), and our team calls to ask.
            var notKnown = await step.NotKnownIfGaveUpAsync(kit, CaseDetailsFields.Role, ct);
            if (step.ChoiceId() is "patient" || notKnown)
            {
                await kit.UpdateAsync(step.TurnContext, d => { d.Role = notKnown ? null : ChatRole.Patient; d.PatientFirstName = null; d.Relationship = null; d.PatientAgrees = null; }, ct);
                await kit.CompleteSectionAsync(step.TurnContext, JourneySections.Role, ct);
                return await step.EndDialogAsync(ct);
            }

            await kit.UpdateAsync(step.TurnContext, d => d.Role = ChatRole.Caregiver, ct);

            // "It's for my dad" already says how they are related: not asked again.
            var said = ChoiceRecognizer.RecognizeOne(step.Context.Input.Answer, kit.Choices(step.TurnContext, ChoiceSetIds.Relationship),
                step.Language.RecognizerCulture, step.Language.Lexicon.Normalizer);
            step.Values.Set("relationship", said?.Value ?? "");
            return await step.PromptAsync(PromptIds.Text, kit.Ask(step.TurnContext, MessageKeys.RolePatientName), ct);
        });
        AddStep(async (step, ct) =>
        {
            var name = await kit.CleanAsync(step.TurnContext, step.Text(), ct);
            name = name is null ? null : name[..Math.Min(name.Length, MaxNameLength)];
            step.Values.Set("name", name ?? "");
            await kit.UpdateAsync(step.TurnContext, d => d.PatientFirstName = name, ct);
            if (step.Values.Get<string>("relationship") is { Length: > 0 } known)
            {
                return await step.NextAsync(new FoundChoice(known, 0), ct);
            }

            return await step.PromptAsync(PromptIds.Choice, kit.Ask(
                step.TurnContext, MessageKeys.RoleRelationship, kit.Choices(step.TurnContext, ChoiceSetIds.Relationship), values: ("patientName", name ?? "")), ct);
        });
        AddStep(async (step, ct) =>
        {
            await step.NotKnownIfGaveUpAsync(kit, CaseDetailsFields.Relationship, ct);
            var relationship = step.ChoiceId();
            await kit.UpdateAsync(step.TurnContext, d => d.Relationship = relationship, ct);
            if (relationship is not null)
            {
                // Read back which way round it is: "Maria is your mother or father".
                var label = kit.Content(step.TurnContext).Choices(ChoiceSetIds.Relationship)[relationship].Label;
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.RoleRelationshipReadBack,
                    ("patientName", step.Values.Get<string>("name") ?? ""), ("relationship", label.ToLower(System.Globalization.CultureInfo.CurrentCulture))), ct);
            }

            // Not only yes or no: a parent, a proxy or a guardian can act when the patient cannot agree.
            return await step.PromptAsync(PromptIds.Choice, kit.Ask(step.TurnContext, MessageKeys.RolePatientAgrees,
                kit.Choices(step.TurnContext, ChoiceSetIds.ProxyAuthority), values: ("patientName", step.Values.Get<string>("name") ?? "")), ct);
        });
        AddStep(async (step, ct) =>
        {
            var name = step.Values.Get<string>("name") ?? "";
            var authority = step.ChoiceId();
            if (authority is "no")
            {
                // Without the patient's agreement nothing about them is kept; the role is asked again next time.
                await kit.UpdateAsync(step.TurnContext, d => { d.PatientFirstName = null; d.Relationship = null; d.PatientAgrees = false; }, ct);
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.RolePatientDisagrees, ("patientName", name)), ct);
                return await step.EndDialogAsync(JourneyStep.Stop, ct);
            }

            var chosen = authority is null ? null : kit.Content(step.TurnContext).Choices(ChoiceSetIds.ProxyAuthority)[authority];
            await kit.UpdateAsync(step.TurnContext, d =>
            {
                d.PatientAgrees = authority == "agrees" ? true : null;
                d.ProxyAuthority = chosen?.Label;
                SituationDialog.AddTags(d, chosen?.Situations ?? []); // the matching paper joins the records checklist
            }, ct);
            if (authority is "not-sure" || authority is null)
            {
                // Not ending the journey: our team calls to work it out (the case needs a call).
                await kit.UpdateAsync(step.TurnContext, d => { if (!d.NotKnown.Contains(CaseDetailsFields.PatientAgrees)) d.NotKnown.Add(CaseDetailsFields.PatientAgrees); }, ct);
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.RoleAuthorityNotSure, ("patientName", name)), ct);
            }
            else if (authority == "agrees")
            {
                await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.RoleConfirmOwnWords, ("patientName", name)), ct);
            }

            await step.SendAsync(kit.Say(step.TurnContext, MessageKeys.RoleThanksCaregiver, ("patientName", name)), ct);
            await kit.CompleteSectionAsync(step.TurnContext, JourneySections.Role, ct);
            return await step.EndDialogAsync(ct);
        });
    }
}
