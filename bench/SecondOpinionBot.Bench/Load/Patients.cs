using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SecondOpinionBot.Bench.Load;

/// <summary>Receives every timed turn of a phase, and the handoffs (confirm sent → case reference).</summary>
public interface ITurnSink
{
    void Turn(HostKind host, TurnTiming timing);

    void Confirmed(string reference, long confirmStart);

    void Failed(HostKind host, string why);
}

/// <summary>How a simulated conversation ended.</summary>
public enum Outcome
{
    Finished,
    Stopped,
    Failed,
}

/// <summary>
/// A patient who walks the whole journey to a confirmed case. Typed answers come from the persona, by the key of the
/// question asked (<see cref="PromptMatcher"/>); every choice is picked from the buttons or card choices the bot
/// offered — the first one unless the persona has a reason (a caregiver says they are helping someone; reasons,
/// records and needs vary by a per-conversation seed). Fails if the bot repeats a question three times or no case
/// is confirmed in 80 turns.
/// </summary>
public sealed class JourneyPatient(Persona persona, int seed)
{
    private const int MaxTurns = 80;

    public static readonly string[] PromptKeys =
    [
        "welcome.consentAsk", "welcome.returning", "role.ask", "role.patientName", "role.relationship", "role.patientAgrees",
        "situation.diagnosis", "situation.proposed", "situation.proposedDetail", "situation.dateAsk", "situation.dateReadBack",
        "situation.dateNotUnderstood", "situation.clinic", "situation.symptomsAsk", "reasons.askFits", "reasons.suggestionAsk",
        "questions.intro", "questions.ownAsk", "questions.ownTypeIt", "questions.added", "questions.reviewAsk", "questions.removeOrChange",
        "records.itemAsk", "needs.ask", "needs.otherAsk", "contact.methodAsk", "contact.phoneAsk", "contact.phoneInvalid",
        "contact.emailAsk", "contact.emailInvalid", "contact.timesAsk", "contact.timesReadBack", "contact.timesNotUnderstood",
        "summary.confirmAsk", "engine.dateReadBack",
    ];

    private readonly Random _random = new(seed);

    public async Task<(Outcome Outcome, int Turns)> RunAsync(ConversationClient chat, PromptMatcher prompts, ITurnSink sink, Func<TimeSpan> think, CancellationToken stop)
    {
        var ownQuestionAsked = false;
        string? lastPrompt = null;
        var repeats = 0;
        var (replies, timing) = await chat.OpenAsync();
        sink.Turn(HostKind.Journey, timing);
        for (var turn = 1; turn < MaxTurns; turn++)
        {
            if (!timing.Ok)
            {
                sink.Failed(HostKind.Journey, "turn not answered");
                return (Outcome.Failed, turn);
            }

            var prompt = prompts.LastPrompt(replies.AllText);
            repeats = prompt is not null && prompt == lastPrompt && prompt is not ("records.itemAsk" or "reasons.askFits" or "questions.added" or "questions.ownTypeIt") ? repeats + 1 : 0;
            if (repeats >= 3)
            {
                sink.Failed(HostKind.Journey, $"stuck at {prompt}");
                return (Outcome.Failed, turn);
            }

            lastPrompt = prompt;
            if (await Wait(think(), stop))
            {
                return (Outcome.Stopped, turn);
            }

            if (replies.SummaryConfirm is { } confirm && prompt == "summary.confirmAsk")
            {
                var confirmStart = Stopwatch.GetTimestamp();
                (replies, timing) = await chat.SubmitAsync(confirm);
                sink.Turn(HostKind.Journey, timing);
                if (timing.Ok && replies.CaseReference is { } reference)
                {
                    sink.Confirmed(reference, confirmStart);
                    return (Outcome.Finished, turn + 1);
                }

                sink.Failed(HostKind.Journey, "confirm gave no case reference");
                return (Outcome.Failed, turn + 1);
            }

            (replies, timing) = replies.ChoiceCard is { } card
                ? await chat.SubmitAsync(Answer(card.Data, Pick(prompt, card.Choices, card.Multi)))
                : replies.SuggestedActions is { Count: > 0 } actions
                    ? await chat.SayAsync(Pick(prompt, actions, multi: false)[0].Value)
                    : await chat.SayAsync(Typed(prompt, ref ownQuestionAsked));
            sink.Turn(HostKind.Journey, timing);
        }

        sink.Failed(HostKind.Journey, $"no case after {MaxTurns} turns");
        return (Outcome.Failed, MaxTurns);
    }

    private List<Choice> Pick(string? prompt, IReadOnlyList<Choice> options, bool multi)
    {
        if (options.Count == 0)
        {
            return [new Choice("", "")];
        }

        switch (prompt)
        {
            case "role.ask" when persona.Caregiver && options.Count > 1:
                return [options[1]];
            case "reasons.askFits":
            case "records.itemAsk":
                // Yes / no / not sure; have it / need help / doesn't apply: any of the first three.
                return [options[_random.Next(Math.Min(3, options.Count))]];
            case "questions.intro" or "needs.ask" when multi:
                return options.OrderBy(_ => _random.Next()).Take(1 + _random.Next(Math.Min(2, options.Count))).ToList();
            case "contact.methodAsk" when multi && options.Count > 1:
                // This chat, and now and then a phone or email too (then asked for it in words).
                return _random.Next(2) == 0 ? [options[0]] : [options[0], options[1 + _random.Next(options.Count - 1)]];
            default:
                return [options[0]];
        }
    }

    private string Typed(string? prompt, ref bool ownQuestionAsked)
    {
        switch (prompt)
        {
            case "role.patientName": return persona.PatientName;
            case "situation.diagnosis": return persona.Concern;
            case "situation.proposedDetail": return persona.ProposedDetail;
            case "situation.dateAsk": return persona.Date;
            case "situation.clinic": return persona.Clinic;
            case "situation.dateReadBack" or "engine.dateReadBack" or "contact.timesReadBack" or "reasons.suggestionAsk": return "yes";
            case "questions.ownAsk" or "questions.ownTypeIt" when !ownQuestionAsked:
                ownQuestionAsked = true;
                return persona.OwnQuestion;
            case "contact.phoneAsk": return persona.Phone;
            case "contact.phoneInvalid": return persona.PhoneDigits;
            case "contact.emailAsk" or "contact.emailInvalid": return persona.Email;
            case "contact.timesAsk": return persona.Times;
            case "questions.ownAsk" or "questions.ownTypeIt" or "questions.added" or "questions.reviewAsk" or "questions.removeOrChange":
                return "done";
            default:
                return "skip";
        }
    }

    private static JsonObject Answer(JsonObject data, IReadOnlyList<Choice> picked)
    {
        data["answer"] = string.Join(",", picked.Select(p => p.Value));
        return data;
    }

    /// <summary>Thinks; true when the phase is over and no further turn should start.</summary>
    internal static async Task<bool> Wait(TimeSpan think, CancellationToken stop)
    {
        if (stop.IsCancellationRequested)
        {
            return true;
        }

        if (think <= TimeSpan.Zero)
        {
            return false;
        }

        try
        {
            await Task.Delay(think, stop);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }
}

/// <summary>A user of an echo bot: the channel opens the chat, then the user sends messages, one turn each.</summary>
public static class EchoPatient
{
    public static async Task<(Outcome Outcome, int Turns)> RunAsync(HostKind host, ConversationClient chat, int turns, ITurnSink sink, Func<TimeSpan> think, CancellationToken stop)
    {
        var (_, timing) = await chat.OpenAsync();
        sink.Turn(host, timing);
        for (var turn = 1; turn < turns; turn++)
        {
            if (!timing.Ok)
            {
                sink.Failed(host, "turn not answered");
                return (Outcome.Failed, turn);
            }

            if (await JourneyPatient.Wait(think(), stop))
            {
                return (Outcome.Stopped, turn);
            }

            BotReplies replies;
            (replies, timing) = await chat.SayAsync($"Message {turn}: what should I ask the doctor?");
            sink.Turn(host, timing);
            if (timing.Ok && !replies.AllText.StartsWith("Echo: Message", StringComparison.Ordinal))
            {
                sink.Failed(host, "the reply is not an echo");
                return (Outcome.Failed, turn + 1);
            }
        }

        return (timing.Ok ? Outcome.Finished : Outcome.Failed, turns);
    }
}
