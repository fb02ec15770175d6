using SocialRoi.Server.Cli;

return await SocialRoiCommands.Build().Parse(args).InvokeAsync();
