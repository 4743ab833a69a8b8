using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Safety;
using SecondOpinionBot.Tests.Content;

namespace SecondOpinionBot.Tests.Safety;

/// <summary>
/// The Spanish words of dialogs/es/words.yaml, faq.yaml and glossary.yaml through the real recognizers: commands,
/// medical words and common questions are understood with and without accents, in capitals, with polite words
/// around them, and a sentence that only uses a command's word is left to the dialog.
/// </summary>
public sealed class SpanishWordsTests
{
    private readonly CommandRecognizer _commands = new(ContentFixture.Catalogs);
    private readonly GlossaryRecognizer _glossary = new(ContentFixture.Catalogs);
    private readonly FaqRecognizer _faq = new(ContentFixture.Catalogs);

    [Theory]
    [InlineData("ayuda", InterruptionKind.Help, null)]
    [InlineData("Ayuda por favor", InterruptionKind.Help, null)]
    [InlineData("AYUDA!", InterruptionKind.Help, null)]
    [InlineData("¿cómo funciona esto?", InterruptionKind.Help, null)]
    [InlineData("como funciona esto", InterruptionKind.Help, null)]
    [InlineData("empezar de nuevo", InterruptionKind.Cancel, CommandDetails.StartOver)]
    [InlineData("Quiero empezar de nuevo", InterruptionKind.Cancel, CommandDetails.StartOver)]
    [InlineData("volver a empezar", InterruptionKind.Cancel, CommandDetails.StartOver)]
    [InlineData("cancelar", InterruptionKind.Cancel, null)]
    [InlineData("hablar con una persona", InterruptionKind.TalkToPerson, null)]
    [InlineData("quiero hablar con una persona", InterruptionKind.TalkToPerson, null)]
    [InlineData("Quisiera hablar con alguien, por favor", InterruptionKind.TalkToPerson, null)]
    [InlineData("borrar mis datos", InterruptionKind.DeleteMyData, null)]
    [InlineData("Por favor borre mis datos", InterruptionKind.DeleteMyData, null)]
    [InlineData("bórrelo todo", InterruptionKind.DeleteMyData, null)]
    [InlineData("borrelo todo", InterruptionKind.DeleteMyData, null)]
    [InlineData("estado", InterruptionKind.Status, null)]
    [InlineData("¿Cómo va mi caso?", InterruptionKind.Status, null)]
    [InlineData("como va mi caso", InterruptionKind.Status, null)]
    [InlineData("atrás", InterruptionKind.Back, null)]
    [InlineData("atras", InterruptionKind.Back, null)]
    [InlineData("Atrás por favor", InterruptionKind.Back, null)]
    [InlineData("la pregunta anterior", InterruptionKind.Back, null)]
    [InlineData("¿Qué sabe de mí?", InterruptionKind.WhatDoYouKnow, null)]
    [InlineData("que sabe de mi", InterruptionKind.WhatDoYouKnow, null)]
    [InlineData("términos", InterruptionKind.Help, CommandDetails.Terms)]
    [InlineData("terminos", InterruptionKind.Help, CommandDetails.Terms)]
    [InlineData("política de privacidad", InterruptionKind.Help, CommandDetails.Privacy)]
    [InlineData("politica de privacidad", InterruptionKind.Help, CommandDetails.Privacy)]
    public void Spanish_commands_are_understood_with_and_without_accents(string text, InterruptionKind kind, string? detail)
    {
        Assert.Equal(new Interruption(kind, detail), _commands.Recognize(text, "es"));
    }

    [Theory]
    [InlineData("necesito ayuda para conseguirlo")]
    [InlineData("necesito ayuda")]
    [InlineData("mi estado de salud es malo")]
    [InlineData("quiero borrar una pregunta")]
    [InlineData("no me quiero ir atrás en el tratamiento")]
    public void Sentences_that_only_use_a_command_word_are_left_to_the_dialog(string text)
    {
        Assert.Null(_commands.Recognize(text, "es"));
    }

    [Theory]
    [InlineData("¿Qué significa biopsia?", "biopsia")]
    [InlineData("que significa biopsia", "biopsia")]
    [InlineData("¿Qué es la anestesia?", "anestesia")]
    [InlineData("qué quiere decir diagnóstico", "diagnóstico")]
    [InlineData("que quiere decir diagnostico", "diagnóstico")]
    public void Spanish_questions_about_a_medical_word_get_the_glossary(string text, string term)
    {
        var found = _glossary.Recognize(text, "es");

        Assert.Equal(GlossaryRecognizer.DetailPrefix + term, found?.Detail);
    }

    [Theory]
    [InlineData("¿Esto es gratis?", "cost")]
    [InlineData("cuanto cuesta?", "cost")]
    [InlineData("¿Mi médico se va a molestar?", "doctor-mind")]
    [InlineData("¿necesito un referido?", "referral")]
    [InlineData("¿Cuánto tarda?", "how-long")]
    public void Spanish_common_questions_get_their_answer(string text, string id)
    {
        Assert.Equal(FaqRecognizer.DetailPrefix + id, _faq.Recognize(text, "es")?.Detail);
    }

    [Fact]
    public void The_Spanish_letters_explain_the_English_letters_to_the_patient()
    {
        var english = ContentFixture.English.Letters;
        var spanish = ContentFixture.Catalogs.For("es").Letters;

        // The letter itself, its offices and its approval are the English ones: it goes to a records office.
        Assert.Equal(english.Letter, spanish.Letter);
        Assert.Equal(english.Offices, spanish.Offices);
        Assert.Equal(english.IsApproved, spanish.IsApproved);
        Assert.NotEqual(english.Heading, spanish.Heading);
        Assert.NotEqual(english.Intro, spanish.Intro);
        Assert.NotEqual(english.NotByLetterNote, spanish.NotByLetterNote);
        Assert.Empty(english.Blanks);
        Assert.Contains(spanish.Blanks, b => b.Key == "patientName");
        Assert.All(spanish.Blanks, b => Assert.Contains(b.Key, RecordsLetterWording.FieldNames));
    }
}
