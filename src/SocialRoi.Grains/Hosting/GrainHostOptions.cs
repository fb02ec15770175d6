namespace SocialRoi.Grains.Hosting;

/// <summary>Bound from the "Grains" configuration section.</summary>
public sealed record GrainHostOptions
{
    /// <summary>An activation idle this long is collected (Orleans' collection age); default 15 min.</summary>
    public TimeSpan CollectionAge { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for; default one minute.</summary>
    public TimeSpan CollectionInterval { get; init; } = TimeSpan.FromMinutes(1);
}
