namespace SecondOpinionBot.Commands;

/// <summary>Every command the bot answers. Handlers switch on this, never on the typed words.</summary>
public enum CommandId
{
    Start,
    Status,
    Help,
    Back,
    StartOver,
    TalkToPerson,
    WhatDoYouKnow,
    DeleteMyData,
    Queue,
    Case,
    SetQueue,
    MoveQueue,
    Assign,
    Unassign,
    Transfer,
    Reopen,
    Note,
    History,
    FailedDeliveries,
}
