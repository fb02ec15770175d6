namespace SocialRoi.Testing;

/// <summary>Files of the repository the tests run from (dashboards, Grafana provisioning, seeds).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialRoi.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no SocialRoi.sln above {AppContext.BaseDirectory}");
    }
}
