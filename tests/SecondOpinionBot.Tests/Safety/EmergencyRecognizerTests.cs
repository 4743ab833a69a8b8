using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Safety;
using SecondOpinionBot.Tests.Content;

namespace SecondOpinionBot.Tests.Safety;

public sealed class EmergencyRecognizerTests
{
    private readonly EmergencyRecognizer _recognizer = new(ContentFixture.Catalogs);

    [Theory]
    // plain medical emergencies
    [InlineData("I have chest pain")]
    [InlineData("My chest really hurts right now")]
    [InlineData("there's a crushing pressure, crushing chest feeling")]
    [InlineData("I think I'm having a heart attack")]
    [InlineData("I am short of breath")]
    [InlineData("my dad is having trouble breathing")]
    [InlineData("She's struggling to breathe")]
    [InlineData("her face is drooping and her speech is slurred, slurred speech")]
    [InlineData("I think he is having a stroke")]
    [InlineData("sudden numbness in my face")]
    [InlineData("The bleeding won't stop")]
    [InlineData("there is lots of blood")]
    [InlineData("I'm coughing up blood")]
    [InlineData("my son took too many of his pills")]
    [InlineData("I think she overdosed")]
    [InlineData("He passed out and is unresponsive")]
    [InlineData("my wife is having a seizure")]
    [InlineData("My throat is closing up")]
    [InlineData("Worst headache of my life")]
    // negation inside the emergency itself: must fire
    [InlineData("I can't breathe")]
    [InlineData("I cannot breathe properly")]
    [InlineData("I can't feel my arm")]
    [InlineData("can't move my leg since this morning")]
    [InlineData("he's not breathing")]
    [InlineData("she won't wake up")]
    // a narrow negation does not hide a second, real problem
    [InlineData("No chest pain but I can't breathe")]
    [InlineData("I don't have a fever, but I have chest pain")]
    [InlineData("no, I have chest pain")]
    // misspellings and shouting
    [InlineData("chest pian")]
    [InlineData("CHEST PAIN!!!")]
    [InlineData("cant breath")]
    [InlineData("i cnat breathe")]
    [InlineData("shortnes of breath")]
    [InlineData("severe bleding")]
    [InlineData("my chest hurst")]
    [InlineData("I can’t breathe")]
    [InlineData("he took an overdoes")]
    [InlineData("she is unconcious")]
    public void MedicalEmergencies_Fire(string text)
    {
        var result = _recognizer.Recognize(text, "en");

        Assert.NotNull(result);
        Assert.Equal(InterruptionKind.Emergency, result.Kind);
        Assert.Equal(EmergencyDetails.Medical, result.Detail);
    }

    [Theory]
    [InlineData("I don't want to be alive anymore")]
    [InlineData("I do not want to live")]
    [InlineData("sometimes I want to die")]
    [InlineData("I've been thinking about suicide")]
    [InlineData("I feel suicidal")]
    [InlineData("I'm not suicidal but I keep thinking I'd be better off dead")]
    [InlineData("i want to kill myself")]
    [InlineData("I might hurt myself")]
    [InlineData("I'm going to end my life")]
    [InlineData("no reason to live")]
    [InlineData("suicidel thoughts")]
    [InlineData("i want to kil myself")]
    [InlineData("chest pain and I want to die")]
    public void SelfHarm_FiresWithCrisisDetail(string text)
    {
        var result = _recognizer.Recognize(text, "en");

        Assert.NotNull(result);
        Assert.Equal(InterruptionKind.Emergency, result.Kind);
        Assert.Equal(EmergencyDetails.SelfHarm, result.Detail);
    }

    [Theory]
    [InlineData("I'm not suicidal")]
    [InlineData("I'm not suicidal, just scared")]
    [InlineData("I would never hurt myself")]
    public void NegatedSelfHarm_IsAGentleNoteThatDoesNotPause(string text)
    {
        var result = _recognizer.Recognize(text, "en");

        Assert.NotNull(result);
        Assert.Equal(InterruptionKind.SafetyNote, result.Kind);
        Assert.Equal(EmergencyDetails.SelfHarmMention, result.Detail);
    }

    [Theory]
    [InlineData("my dad collapsed and isnt breathing", "collapse")]
    [InlineData("her lips are going blue", "breathing")]
    [InlineData("there's no reason to go on", "indirect")]
    public void TheDetectedKindIsExposedForCounting(string text, string category)
        => Assert.Equal(category, _recognizer.Recognize(text, "en")?.Category);

    [Theory]
    // narrow negations suppress
    [InlineData("no chest pain")]
    [InlineData("Patient denies chest pain")]
    [InlineData("denies any chest pain or shortness of breath")]
    [InlineData("I'm not having trouble breathing")]
    [InlineData("I don't have chest pain, just a cough")]
    [InlineData("without chest pain")]
    [InlineData("No chest pains or trouble breathing, just tired")]
    // ordinary journey answers
    [InlineData("I can breathe fine")]
    [InlineData("They found a lump and want to do a biopsy")]
    [InlineData("My doctor wants to replace my knee next month")]
    [InlineData("I need help getting my pathology slides")]
    [InlineData("weekdays after 3pm")]
    [InlineData("My mom has lung cancer and the plan is chemo")]
    [InlineData("The scan showed something on my liver")]
    [InlineData("")]
    [InlineData("   ")]
    // near misses of emergency words must not fire
    [InlineData("I was cooking dinner")]
    [InlineData("just joking")]
    [InlineData("my payment is overdue")]
    [InlineData("I painted the fence")]
    [InlineData("I'm on a diet")]
    public void OrdinaryTextAndNarrowNegations_DoNotFire(string text)
    {
        Assert.Null(_recognizer.Recognize(text, "en"));
    }

    [Fact]
    public void UnknownCulture_UsesDefaultLanguagePhrases()
    {
        Assert.NotNull(_recognizer.Recognize("chest pain", "de-DE"));
    }
}
