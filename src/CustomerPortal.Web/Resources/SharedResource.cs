namespace CustomerPortal.Web.Resources;

// Marker type for IStringLocalizer<SharedResource>: every user-visible string lives in
// SharedResource.resx (en-US) and SharedResource.fr-FR.resx, under one set of keys.
#pragma warning disable CA1052 // Never instantiated; the type only names the resource files.
public sealed class SharedResource;
#pragma warning restore CA1052
