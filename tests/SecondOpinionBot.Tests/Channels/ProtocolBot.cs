using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>
/// A bot with one predictable reply per turn, so the Direct Line tests check the protocol rather than the journey:
/// a greeting with two suggested actions when the conversation starts, and one answer per message.
/// </summary>
public sealed class ProtocolBot : ActivityHandler
{
    public const string GetStarted = "Get started";
    public const string WhatIsASecondOpinion = "What is a second opinion?";
    public const string Greeting = "Hello, I can help you get ready for a second medical opinion, but I can't give medical advice.";
    public const string GetStartedAnswer = "Good. We'll go step by step.";
    public const string SecondOpinionAnswer = "A second opinion is when another doctor, often a specialist, reviews your diagnosis or treatment plan.";

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(MessageFactory.SuggestedActions(new[] { GetStarted, WhatIsASecondOpinion }, Greeting, ssml: null, inputHint: null), cancellationToken);
        }
    }

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();
        var answer = string.Equals(text, WhatIsASecondOpinion, StringComparison.OrdinalIgnoreCase) ? SecondOpinionAnswer : GetStartedAnswer;
        return turnContext.SendActivityAsync(answer, cancellationToken: cancellationToken);
    }
}
