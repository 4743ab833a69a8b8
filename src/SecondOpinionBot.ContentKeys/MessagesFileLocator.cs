using System;
using Microsoft.CodeAnalysis;

namespace SecondOpinionBot.ContentKeys;

/// <summary>
/// One English wording file that keys are generated from: messages.yaml (what patients read) → MessageKeys, and
/// staff.yaml (what the care team reads, every key under `staff:`) → StaffMessageKeys.
/// </summary>
internal sealed class MessageSource(string fileName, string root, string className, bool required)
{
    public static MessageSource Patient { get; } = new("messages.yaml", "messages", "MessageKeys", required: true);

    public static MessageSource Staff { get; } = new("staff.yaml", "staff", "StaffMessageKeys", required: false);

    public static MessageSource[] All { get; } = [Patient, Staff];

    public string FileName { get; } = fileName;

    /// <summary>The top-level YAML key the messages sit under.</summary>
    public string Root { get; } = root;

    /// <summary>Staff keys keep their root in the key ("staff.refusal.notTeams") but not in the C# name (RefusalNotTeams).</summary>
    public string KeyPrefix => this == Staff ? Root + "." : "";

    public string ClassName { get; } = className;

    /// <summary>messages.yaml must be there; staff.yaml only when staff wording is used.</summary>
    public bool Required { get; } = required;

    public bool Matches(AdditionalText file) =>
        file.Path.Replace('\\', '/').EndsWith("/en/" + FileName, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Finds the English messages file among the compilation's additional files (the source of the keys).</summary>
internal static class MessagesFileLocator
{
    public static bool IsEnglishMessages(AdditionalText file) => MessageSource.Patient.Matches(file);
}
