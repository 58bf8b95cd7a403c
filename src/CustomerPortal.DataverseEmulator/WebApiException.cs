using CustomerPortal.DualWrite;

namespace CustomerPortal.DataverseEmulator;

// An error the Web API answers with {"error":{"code","message"}} (compose, section 5.1). Codes are the hex
// HRESULT strings Dataverse uses; the HTTP status is independent of the code.
internal sealed class WebApiException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    // 0x80060888: the code Dataverse uses for query-shape problems (unsupported options, bad $expand, unknown properties).
    public static WebApiException BadQuery(string message) => new(400, "0x80060888", message);

    public static WebApiException UnknownProperty(DualWriteTable table, string name) =>
        BadQuery($"Could not find a property named '{name}' on type '{table.TypeName()}'.");

    // 0x80048d19: payload problems on create/update.
    public static WebApiException BadPayload(DualWriteTable table, string detail) =>
        new(400, "0x80048d19", $"Error identified in Payload provided by the user for Entity :'{table.LogicalName}', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293  ---->  InnerException : Microsoft.OData.ODataException: {detail}");

    public static WebApiException NotFound(DualWriteTable table, Guid id) =>
        new(404, "0x80040217", $"{table.LogicalName} With Id = {id:D} Does Not Exist");

    // 412 for a create whose key already exists (compose: DuplicateRecord; cond: create-only upsert).
    public static WebApiException Duplicate() => new(412, "0x80040237", "A record with matching key values already exists.");

    // 501 for anything Dataverse has that the emulator does not serve: clients must never read it as "missing"
    // (404) or as a valid empty answer. The code is the one Dataverse uses for unsupported OData features.
    public static WebApiException NotEmulated(string what, string? instead = null) =>
        new(501, "0x80060888", $"{what} is not emulated: the Dataverse emulator does not implement it (see its README, 'What the emulator does not emulate')."
            + (instead is null ? "" : " " + instead));

    public static WebApiException VersionMismatch() =>
        new(412, "0x80060882", "The version of the existing record doesn't match the RowVersion property provided.");
}
