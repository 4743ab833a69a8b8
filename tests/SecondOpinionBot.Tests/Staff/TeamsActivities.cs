using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Tests.Staff;

public sealed record StaffMember(string AadObjectId, string Name);

/// <summary>Teams-shaped activities: channel messages, card invokes and submits, with the channel data Teams sends.</summary>
public static class TeamsActivities
{
    public const string Tenant = "tenant-care";
    public const string Team = "19:team-care@thread.tacv2";
    public const string SocialWorkChannel = "19:social-work@thread.tacv2";
    public const string CoordinationChannel = "19:coordination@thread.tacv2";

    public static StaffMember Ana { get; } = new("aad-ana", "Ana Lopez");
    public static StaffMember Ben { get; } = new("aad-ben", "Ben Ode");

    public static JObject ChannelMessage(string serviceUrl, string text, string channel, StaffMember? from = null, string tenant = Tenant, string team = Team, string? conversationId = null)
    {
        var activity = Base("message", serviceUrl, channel, from ?? Ana, tenant, team, conversationId);
        activity["text"] = $"<at>SecondOpinionBot</at> {text}";
        return activity;
    }

    public static JObject Invoke(string serviceUrl, JObject data, string channel, StaffMember? from = null, string tenant = Tenant, string team = Team, string? conversationId = null)
    {
        var activity = Base("invoke", serviceUrl, channel, from ?? Ana, tenant, team, conversationId);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JObject
        {
            ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = data["verb"], ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>A task/fetch (a dialog opened from a card's Action.Submit) or a task/submit (an Action.Submit inside it).</summary>
    public static JObject Task(string serviceUrl, string name, JObject data, string channel, StaffMember? from = null, string? conversationId = null, string team = Team)
    {
        var activity = Base("invoke", serviceUrl, channel, from ?? Ana, Tenant, team, conversationId);
        activity["name"] = name;
        activity["value"] = new JObject { ["data"] = data, ["context"] = new JObject { ["theme"] = "default" } };
        return activity;
    }

    public static JObject DialogData(string verb, string reference, int cardVersion = 1, string? message = null)
    {
        var data = CardData(verb, reference, cardVersion);
        if (verb is "case.details" or "case.message")
        {
            data["msteams"] = new JObject { ["type"] = "task/fetch" };
        }

        if (message is not null)
        {
            data["message"] = message;
        }

        return data;
    }

    public static JObject Submit(string serviceUrl, JObject data, string channel, StaffMember? from = null, string? conversationId = null)
    {
        var activity = Base("message", serviceUrl, channel, from ?? Ana, Tenant, Team, conversationId);
        activity["value"] = data;
        return activity;
    }

    /// <summary>A payload shaped like the card's, typed into a patient's own conversation.</summary>
    public static JObject PatientSubmit(string serviceUrl, JObject data, string channelId = "webchat", string conversationId = "patient-conv") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JObject { ["id"] = "patient-1", ["name"] = "Maya" },
        ["recipient"] = new JObject { ["id"] = "bot" },
        ["conversation"] = new JObject { ["id"] = conversationId, ["conversationType"] = "personal" },
        ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = Tenant } },
        ["value"] = data,
    };

    public static JObject PatientInvoke(string serviceUrl, JObject data, string conversationId = "a:personal-maya")
    {
        var activity = PatientSubmit(serviceUrl, data, "msteams", conversationId);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("value");
        activity["value"] = new JObject { ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = data["verb"], ["data"] = data } };
        return activity;
    }

    public static JObject CardData(string verb, string reference, int cardVersion, string? outcome = null)
    {
        var data = new JObject { ["so.kind"] = "case", ["so.version"] = cardVersion, ["verb"] = verb, ["reference"] = reference };
        if (outcome is not null)
        {
            data["outcome"] = outcome;
        }

        return data;
    }

    private static JObject Base(string type, string serviceUrl, string channel, StaffMember from, string tenant, string team, string? conversationId) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["locale"] = "en-US",
        ["from"] = new JObject { ["id"] = "29:" + from.AadObjectId, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId },
        ["recipient"] = new JObject { ["id"] = "28:bot", ["name"] = "SecondOpinionBot" },
        ["conversation"] = new JObject
        {
            ["id"] = conversationId ?? channel, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = tenant,
        },
        ["channelData"] = new JObject
        {
            ["tenant"] = new JObject { ["id"] = tenant },
            ["team"] = new JObject { ["id"] = team, ["name"] = "Care team" },
            ["channel"] = new JObject { ["id"] = channel, ["name"] = "Cases" },
        },
    };
}
