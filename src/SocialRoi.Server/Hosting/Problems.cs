namespace SocialRoi.Server.Hosting;

/// <summary>RFC 7807 answers whose detail tells the caller what to fix.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail, string? parameter = null) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request cannot be used as sent",
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });

    public static IResult UnknownAccount(string account) =>
        Results.Problem(detail: $"account \"{account}\" has no events and no settings yet; check the name or send its events first",
            statusCode: StatusCodes.Status404NotFound, title: "Unknown account");

    public static IResult TooLarge(long limit) =>
        Results.Problem(detail: $"the body is over the {limit} byte limit; split the batch into smaller ones",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");
}
