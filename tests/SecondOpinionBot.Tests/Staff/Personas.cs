using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;

namespace SecondOpinionBot.Tests.Staff;

/// <summary>Intake answers with personal and medical details that must never reach a channel card.</summary>
public static class Personas
{
    public const string MayaPhone = "+1 555 0100";
    public const string MayaEmail = "maya.rivera@example.com";
    public const string MayaConcern = "a 2 cm lump the radiologist called BI-RADS 4";
    public const string MayaQuestion = "Should I have a biopsy before any surgery?";
    public const string MayaProposed = "mastectomy next month";

    public static IntakeDraft Maya() => new()
    {
        Role = ChatRole.Patient,
        PatientFirstName = "Maya",
        Concern = MayaConcern,
        Proposed = MayaProposed,
        CurrentClinic = "Northside Breast Clinic",
        Questions = [MayaQuestion, "What are the risks of waiting?"],
        Reasons = ["diagnostic-clarity", "treatment-options"],
        Needs = ["records-retrieval", "transport"],
        Records = new() { ["pathology"] = RecordStatus.Have, ["imaging"] = RecordStatus.NeedHelp, ["labs"] = RecordStatus.NeedHelp, ["surgery"] = RecordStatus.NotApplicable },
        ContactMethods = ["phone", "email"],
        Phone = MayaPhone,
        Email = MayaEmail,
        ContactTimes = "weekday mornings before 10",
    };

    /// <summary>A caregiver whose typed name tries to become a link and bold text.</summary>
    public static IntakeDraft CaregiverWithHostileName() => new()
    {
        Role = ChatRole.Caregiver,
        Relationship = "son",
        PatientFirstName = "**Tom** [click](https://evil.example/x) www.evil.example",
        Concern = "dad's heart surgery",
        Reasons = ["second-check"],
        ContactMethods = ["email"],
        Email = "son@example.com",
    };
}
