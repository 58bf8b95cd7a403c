namespace CustomerPortal.DataverseEmulator;

internal sealed partial class WebApi
{
    private static Task Batch(HttpContext http) => throw WebApiException.NotEmulated("$batch");
}
