namespace SocialRoi.Testing;

/// <summary>A test that needs PostgreSQL: skipped, saying why, only where it is missing and not required.</summary>
public sealed class PostgresFactAttribute : Xunit.FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.Unavailable is { } reason && !Services.Required) Skip = reason;
    }
}
