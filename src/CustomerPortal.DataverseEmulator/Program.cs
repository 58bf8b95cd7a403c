using CustomerPortal.DataverseEmulator;

var app = EmulatorHost.Build(args);
await app.RunAsync();
