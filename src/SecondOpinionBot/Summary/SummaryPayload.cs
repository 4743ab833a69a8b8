namespace SecondOpinionBot.Summary;

/// <summary>The keys and kinds of the summary card's submit payloads.</summary>
public static class SummaryPayload
{
    public const string KindKey = "so.kind";
    public const string DialogIdKey = "dialogId";
    public const string DraftVersionKey = "draftVersion";

    /// <summary>"Edit" buttons: re-open one journey step (dialog "edit-&lt;section&gt;") and come back to the summary.</summary>
    public const string DialogKind = "dialog";

    public const string ConfirmKind = "summary.confirm";
}
