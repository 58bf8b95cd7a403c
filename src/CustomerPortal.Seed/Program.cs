using CustomerPortal.Seed;

return SeedCommand.Run(args, Console.Out, Console.Error);
