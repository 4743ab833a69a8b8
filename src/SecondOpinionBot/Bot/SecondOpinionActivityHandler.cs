using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Bot;

/// <summary>Routes activities to the patient journey or staff features. Placeholder greeting until the journey lands.</summary>
public sealed class SecondOpinionActivityHandler : ActivityHandler
{
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

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient?.Id)
            {
                var greeting = MessageFactory.SuggestedActions(new[] { GetStarted, WhatIsASecondOpinion }, Greeting, ssml: null, inputHint: null);
                await turnContext.SendActivityAsync(greeting, cancellationToken);
                return;
            }
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();
        var answer = text switch
        {
            _ when string.Equals(text, GetStarted, StringComparison.OrdinalIgnoreCase) => GetStartedAnswer,
            _ when string.Equals(text, WhatIsASecondOpinion, StringComparison.OrdinalIgnoreCase) => SecondOpinionAnswer,
            _ => "I can help you get ready for a second medical opinion.",
        };
        await turnContext.SendActivityAsync(answer, cancellationToken: cancellationToken);
    }
}
