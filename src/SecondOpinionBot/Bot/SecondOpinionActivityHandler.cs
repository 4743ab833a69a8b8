using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Staff;

namespace SecondOpinionBot.Bot;

/// <summary>Routes activities by conversation scope: patients to the journey, team channels to staff features.</summary>
public sealed class SecondOpinionActivityHandler(StaffActivityHandler staff) : ActivityHandler
{
    internal const string StaffSetupNote =
        "Hello, care team. I post second-opinion cases here for you to claim. " +
        "To choose this channel for a queue, type: @SecondOpinionBot set queue social-work (or care-coordination).";

    internal const string GetStarted = "Get started";
    internal const string WhatIsASecondOpinion = "What is a second opinion?";

    internal const string Greeting =
        "Hello, I'm the Second opinion helper. I can help you get ready for a second medical opinion, but I can't give " +
        "medical advice, a diagnosis or treatment; in an emergency, call 911 (or your local emergency number) now.";

    internal const string GetStartedAnswer =
        "Good. We'll go step by step: your diagnosis in your own words, the doctors and records you have, and the " +
        "questions you want answered. You can stop at any time.";

    internal const string SecondOpinionAnswer =
        "A second opinion is when another doctor, often a specialist, reviews your diagnosis or treatment plan. It can " +
        "confirm the plan or show other options, and asking for one is a normal step.";

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
                await turnContext.SendActivityAsync(StaffSetupNote, cancellationToken: cancellationToken);
            }

            return;
        }

        var greeting = MessageFactory.SuggestedActions(new[] { GetStarted, WhatIsASecondOpinion }, Greeting, ssml: null, inputHint: null);
        await turnContext.SendActivityAsync(greeting, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        // Staff: team-channel commands, and card actions from anywhere (refused and audited outside the bound channel).
        if (await staff.TryHandleMessageAsync(turnContext, cancellationToken))
        {
            return;
        }

        var text = turnContext.Activity.Text?.Trim();
        var answer = text switch
        {
            _ when string.Equals(text, GetStarted, StringComparison.OrdinalIgnoreCase) => GetStartedAnswer,
            _ when string.Equals(text, WhatIsASecondOpinion, StringComparison.OrdinalIgnoreCase) => SecondOpinionAnswer,
            _ => "I can help you get ready for a second medical opinion.",
        };
        await turnContext.SendActivityAsync(answer, cancellationToken: cancellationToken);
    }

    // Staff: Claim / Resolve from the case card (Action.Execute), answered with the updated card.
    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
        => staff.HandleCardInvokeAsync(turnContext, invokeValue, cancellationToken);
}
