namespace CustomerPortal.Web.Invitations;

public static class RequestLinkBase
{
    // The address this request came in on; InvitationOptions.LinkBase decides whether a mail may use it.
    public static string BaseUrl(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
