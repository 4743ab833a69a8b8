using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Dialogs.Cards;

namespace SecondOpinionBot.Summary;

public enum SummarySubmitKind
{
    Edit,
    Confirm,
}

/// <summary>
/// A click on a summary card, read from the activity's value. <see cref="IsOutdated"/> tells whether the card was built
/// from an older draft than the current one, in which case the caller shows the fresh summary instead of acting.
/// </summary>
public sealed record SummarySubmit(SummarySubmitKind Kind, SummarySection? Section, int DraftVersion)
{
    public bool IsOutdated(int currentDraftVersion) => DraftVersion != currentDraftVersion;

    /// <summary>Reads a Bot Framework activity value (Newtonsoft JObject, as the SDK gives it).</summary>
    public static bool TryParse(object? activityValue, [NotNullWhen(true)] out SummarySubmit? submit) =>
        TryParse(activityValue as JObject, out submit);

    public static bool TryParse(JObject? value, [NotNullWhen(true)] out SummarySubmit? submit)
    {
        submit = null;
        var data = CardTag.DataOf(value);
        if (CardTag.Read(data) is not { Version: >= 0 } tag)
        {
            return false;
        }

        var dialogId = data![SummaryPayload.DialogIdKey] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        return TryCreate(tag.Kind, dialogId, tag.Version, out submit);
    }

    private static bool TryCreate(string? kind, string? dialogId, long version, [NotNullWhen(true)] out SummarySubmit? submit)
    {
        submit = null;
        if (version is < 0 or > int.MaxValue)
        {
            return false;
        }

        switch (kind)
        {
            case SummaryPayload.ConfirmKind:
                submit = new SummarySubmit(SummarySubmitKind.Confirm, null, (int)version);
                return true;
            case SummaryPayload.DialogKind when SummarySections.TryParseEditDialogId(dialogId, out var section):
                submit = new SummarySubmit(SummarySubmitKind.Edit, section, (int)version);
                return true;
            default:
                return false;
        }
    }
}
