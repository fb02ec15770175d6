namespace SocialRoi.Server.Reports;

/// <summary>Fail first, then warn, unknown, ok: the order a marketer should read health checks in.</summary>
public static class HealthOrder
{
    public static int Severity(string status) => status switch { "fail" => 0, "warn" => 1, "unknown" => 2, _ => 3 };
}
