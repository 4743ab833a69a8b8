using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Commands;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Staff;

namespace SecondOpinionBot.Bot;

/// <summary>Routes activities by conversation scope: patients to the journey, team channels to staff features.</summary>
public sealed class SecondOpinionActivityHandler(StaffActivityHandler staff, StaffDialogs dialogs, StaffPersonalChat staffChat, PatientJourney journey, StaffText staffText) : ActivityHandler
{
    // Overridden whole: the base class ignores updates in which only the bot was added, which is how Teams installs look.
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var added = turnContext.Activity.MembersAdded ?? [];
        if (added.Count == 0)
        {
            return;
        }

        if (!ConversationScope.IsPatientConversation(turnContext.Activity))
        {
            if (added.Any(m => m.Id == turnContext.Activity.Recipient?.Id))
            {
                await turnContext.SendActivityAsync(staffText.Get(Content.StaffMessageKeys.CommandsInstalled), cancellationToken: cancellationToken);
            }

            return;
        }

        if (await staffChat.IsKnownStaffAsync(turnContext, cancellationToken))
        {
            await staffChat.SendHelpAsync(turnContext, cancellationToken);
            return;
        }

        await journey.StartAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        // Staff: every non-patient message (team commands), and card actions from anywhere (refused and audited
        // outside the bound channel). What is left is a patient's.
        if (await staff.TryHandleMessageAsync(turnContext, cancellationToken))
        {
            return;
        }

        // A care team member in their personal chat gets the staff help, not the patient intake.
        if (await staffChat.IsKnownStaffAsync(turnContext, cancellationToken))
        {
            await staffChat.SendHelpAsync(turnContext, cancellationToken);
            return;
        }

        await journey.ContinueAsync(turnContext, cancellationToken);
    }

    // Staff: the Teams dialogs opened from a case card (Details, Message patient) and the actions inside them.
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name is "task/fetch" or "task/submit")
        {
            return await dialogs.HandleAsync(turnContext, cancellationToken);
        }

        return await base.OnInvokeActivityAsync(turnContext, cancellationToken);
    }

    // Staff: Claim / Resolve from the case card (Action.Execute), answered with the updated card.
    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
        => staff.HandleCardInvokeAsync(turnContext, invokeValue, cancellationToken);
}
