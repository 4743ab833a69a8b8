using SecondOpinionBot.Privacy;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Privacy;

public sealed class StoredDataTextTests
{
    [Fact]
    public void Items_added_by_other_stores_read_in_plain_words()
    {
        var text = StoredDataText.Render(
            [
                new StoredDataItem(StoredDataCategory.WebChatTranscript, Count: 12),
                new StoredDataItem(StoredDataCategory.PendingMessages, Count: 2),
                new StoredDataItem(StoredDataCategory.Answers),
            ],
            EnglishWording.StoredData);

        Assert.Equal(
            "Here is what I have stored about you:\n\n- 12 message(s) of this web chat\n- 2 message(s) waiting to be sent to you" +
            "\n- Your answers so far: no answers yet\n\nType \"delete my data\" to erase it.",
            text);
    }
}
