namespace SecondOpinionBot.Content;

/// <summary>
/// letters.yaml: the records request letter printed on the prep sheet, one per office that holds a record the person
/// needs help getting. Offered only once the deployment's health-information and legal staff have approved the text
/// (<see cref="IsApproved"/>).
/// </summary>
public sealed record RecordsLetters(
    string ReviewedBy,
    DateOnly? ReviewedOn,
    string Heading,
    string Intro,
    RecordsLetterWording Letter,
    IReadOnlyList<RecordsOffice> Offices,
    IReadOnlyList<string> NotByLetter,
    string NotByLetterNote,
    SourceLocation Location)
{
    public static RecordsLetters None { get; } =
        new("", null, "", "", RecordsLetterWording.Empty, [], [], "", new SourceLocation("", 0));

    /// <summary>
    /// In a translation: what to write in each blank of the letter (keys are <see cref="RecordsLetterWording.FieldNames"/>),
    /// in the patient's language, shown with the letters, which stay in the default language. Empty in the default language.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Blanks { get; init; } = [];

    /// <summary>Someone named under `review` approved the text on a date: only then do patients get the letter.</summary>
    public bool IsApproved => ReviewedBy.Length > 0 && ReviewedOn is not null;
}

/// <summary>One office records are asked from, and the letter's line for each record it holds, in the file's order.</summary>
public sealed record RecordsOffice(string Id, string To, IReadOnlyList<KeyValuePair<string, string>> Asks, SourceLocation Location);

/// <summary>The letter's fixed words; every label ends where the person writes.</summary>
public sealed record RecordsLetterWording(
    string Title,
    string Date,
    string To,
    string At,
    string Greeting,
    string Ask,
    string SendTo,
    string OrSendTo,
    string Electronic,
    string PatientName,
    string BirthDate,
    string Phone,
    string Signature,
    string SignedFor,
    string Thanks)
{
    /// <summary>The letter's fields as letters.yaml names them under `letter`, in this record's order.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["title", "date", "to", "at", "greeting", "ask", "sendTo", "orSendTo", "electronic", "patientName", "birthDate", "phone", "signature", "signedFor", "thanks"];

    public static RecordsLetterWording Empty { get; } = new("", "", "", "", "", "", "", "", "", "", "", "", "", "", "");

    public IEnumerable<string> All => [Title, Date, To, At, Greeting, Ask, SendTo, OrSendTo, Electronic, PatientName, BirthDate, Phone, Signature, SignedFor, Thanks];
}
