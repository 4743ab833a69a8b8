using SecondOpinionBot.TeamsPackage;

return await TeamsPackageCommand.RunAsync(args, Console.Out, Console.Error);
