using SecondOpinionBot.Dialogs.Input;

namespace SecondOpinionBot.Summary;

/// <summary>
/// The keys and kinds of the summary card's submit payloads. An Edit button is the engine's own "start this dialog"
/// submit (<see cref="CardPayload"/>), so its keys are the engine's.
/// </summary>
public static class SummaryPayload
{
    public const string KindKey = CardPayload.KindKey;
    public const string DialogIdKey = CardPayload.DialogIdKey;
    /// <summary>The draft revision the card was built from (the shared card tag's version).</summary>
    public const string DraftVersionKey = SecondOpinionBot.Dialogs.Cards.CardTag.VersionKey;

    /// <summary>"Edit" buttons: re-open one journey step (dialog "edit-&lt;section&gt;") and come back to the summary.</summary>
    public const string DialogKind = CardPayload.DialogKind;

    public const string ConfirmKind = "summary.confirm";
}
