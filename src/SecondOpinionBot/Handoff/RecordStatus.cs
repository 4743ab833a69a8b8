namespace SecondOpinionBot.Handoff;

/// <summary>Where a patient stands with one record on the checklist. Stored in cases by name.</summary>
public enum RecordStatus
{
    Have,
    NeedHelp,
    NotApplicable,
}
