namespace SecondOpinionBot.Dialogs;
