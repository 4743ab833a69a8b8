using Microsoft.CodeAnalysis;

namespace SecondOpinionBot.ContentKeys;

internal static class ContentKeyDiagnostics
{
    private const string Category = "SecondOpinionBot.Content";

    public static readonly DiagnosticDescriptor MessagesFileMissing = new(
        "SOB1000", "messages.yaml is not an additional file",
        "No dialogs/en/messages.yaml among the additional files: MessageKeys cannot be generated",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MessagesFileInvalid = new(
        "SOB1001", "messages.yaml does not parse",
        "{0} does not parse: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownPlaceholder = new(
        "SOB1002", "Value for a placeholder the message does not have",
        "Message '{0}' has no placeholder {{{1}}} (it has: {2})",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingPlaceholder = new(
        "SOB1003", "Placeholder left without a value",
        "Message '{0}' needs a value for {{{1}}}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "SOB1004", "Two message keys make the same C# name",
        "Messages '{0}' and '{1}' both become MessageKeys.{2}; rename one in messages.yaml",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
