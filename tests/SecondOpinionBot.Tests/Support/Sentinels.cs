namespace SecondOpinionBot.Tests.Support;

/// <summary>Made-up personal data that must never show up in logs. Distinctive, so a hit is never a coincidence.</summary>
public static class Sentinels
{
    public const string Name = "Zyxwina";
    public const string Phone = "+1 555 013 9472";
    public const string PhoneDigits = "5550139472";
    public const string Email = "zyxwina.quobble@example.invalid";
    public const string Diagnosis = "quobblemyeloma";
    public const string Question = "Could the zorptide infusion wait";

    public static IReadOnlyList<string> All { get; } = [Name, Phone, PhoneDigits, Email, Diagnosis, Question];
}
